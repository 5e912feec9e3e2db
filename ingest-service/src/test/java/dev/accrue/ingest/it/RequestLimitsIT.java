package dev.accrue.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.events.Session;
import dev.accrue.infra.launcher.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request limits on the running service, as a hostile tenant probes them: an oversized but valid
 * body behind a disguised path, a chunked body, parallel near-limit imports, one import too many.
 * Each refusal is a problem+json, nothing refused is published, and the service keeps answering.
 */
class RequestLimitsIT extends IngestItSupport {

    static final String SESSIONS = "accrue.sessions";
    static final String AUTH = "Authorization: Bearer " + ACME;

    @BeforeEach
    void ready() {
        awaitReady();
    }

    /** A valid session padded with whitespace past the 64 KB JSON limit: it would be stored if read. */
    static byte[] paddedSession(int size) {
        String json = """
                {"courseId":"ethics-101","providerId":"acme","title":"Ethics","format":"SELF_STUDY","creditHours":1}""";
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOversizedSessionIs413AndNotStoredWhateverDisguiseItsPathWears() throws IOException {
        byte[] body = paddedSession(2 * 1024 * 1024);
        List<String> ids = new ArrayList<>();
        for (String disguise : List.of("/%761/sessions/{id}", "/v1/%73essions/{id}", "//v1/sessions/{id}",
                "/v1/sessions/{id};jsessionid=1", "/v1/sessions/{id}/", "/v1/sessions/{id}")) {
            String id = unique("limit");
            ids.add(id);
            try (RawHttp http = new RawHttp(port)) {
                RawHttp.Response response = http.head("PUT", disguise.replace("{id}", id), AUTH, "Content-Type: application/json",
                        "Content-Length: " + body.length).response(); // refused before the body is sent

                assertThat(response.status()).as(disguise).isEqualTo(413);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(response.body()).contains("https://accrue.dev/problems/payload-too-large",
                        "64 KB (accrue.web.limits.max-body)");
            }
        }
        String chunkedId = unique("limit");
        ids.add(chunkedId);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("PUT", "/%761/sessions/" + chunkedId, AUTH, "Content-Type: application/json",
                    "Transfer-Encoding: chunked").chunked(paddedSession(200 * 1024), 16 * 1024).lastChunk().response();

            assertThat(response.status()).isEqualTo(413);
        }
        // The same disguise with a body of legal size is routed and stored: only the size was refused.
        String legal = unique("limit");
        try (RawHttp http = new RawHttp(port)) {
            byte[] small = paddedSession(1024);
            assertThat(http.head("PUT", "/%761/sessions/" + legal, AUTH, "Content-Type: application/json",
                    "Content-Length: " + small.length).body(small).response().status()).isEqualTo(200);
        }
        awaitRecords(SESSIONS, Session.class, s -> s.getSessionId().equals(legal), 1);
        assertThat(readAll(SESSIONS, Session.class, s -> ids.contains(s.getSessionId().toString()))).isEmpty();
    }

    @Test
    void anAnonymousUploadIs401BeforeItsBodyIsSent() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", "/v1/attendance/import?sessionId=x&format=roster",
                    "Content-Type: text/csv", "Content-Length: " + 15 * 1024 * 1024).response();

            assertThat(response.status()).isEqualTo(401);
        }
    }

    @Test
    void threeParallelNearLimitImportsOfBlankLinesLeaveTheServiceAnswering() throws Exception {
        String sessionId = unique("s");
        putLiveSession(sessionId, "acme", ACME);
        String northwindSession = unique("s");
        putLiveSession(northwindSession, "northwind", NORTHWIND);
        byte[] blankLines = new byte[14 * 1024 * 1024];
        java.util.Arrays.fill(blankLines, (byte) '\n');
        byte[] header = "licenseeId,type,occurredAt\n".getBytes(StandardCharsets.US_ASCII);
        List<CompletableFuture<Integer>> imports = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            // Three callers, as one caller may run only one import at a time.
            imports.add(CompletableFuture.supplyAsync(() -> upload(ACME, sessionId, blankLines, header), clients));
            imports.add(CompletableFuture.supplyAsync(() -> upload(ADMIN, sessionId, blankLines, header), clients));
            imports.add(CompletableFuture.supplyAsync(() -> upload(NORTHWIND, northwindSession, blankLines, header), clients));
            for (CompletableFuture<Integer> upload : imports) {
                statuses.add(upload.get(3, TimeUnit.MINUTES));
            }
        } finally {
            clients.shutdownNow();
        }

        // Two imports run at once (accrue.web.limits); a third that overlaps them is refused with 429 (or, when the
        // server closed its connection while the client was still sending, a failed send, -1).
        assertThat(statuses).allMatch(s -> s == 200 || s == 429 || s == -1);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isGreaterThanOrEqualTo(2);
        assertThat(send("GET", "/actuator/health", null, null, (String) null).status()).isEqualTo(200);
        assertThat(putLiveSession(unique("s"), "acme", ACME).status()).isEqualTo(200);
    }

    private int upload(String key, String sessionId, byte[] blankLines, byte[] header) {
        try (RawHttp http = new RawHttp(port)) {
            http.head("POST", "/v1/attendance/import?sessionId=" + sessionId + "&format=roster", "Authorization: Bearer " + key,
                    "Content-Type: text/csv",
                    "Content-Length: " + (blankLines.length + header.length));
            try {
                http.body(blankLines).body(header);
            } catch (IOException refusedWhileSending) {
                return -1;
            }
            RawHttp.Response response = http.response();
            if (response.status() == 200) {
                assertThat(response.body()).contains("\"rowsRead\":0");
            }
            return response.status();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void pastTheConcurrentImportCapAnImportIs429WithRetryAfterAndTheHeldOnesFinish() throws Exception {
        String sessionId = unique("s");
        putLiveSession(sessionId, "acme", ACME);
        String northwindSession = unique("s");
        putLiveSession(northwindSession, "northwind", NORTHWIND);
        String path = "/v1/attendance/import?sessionId=" + sessionId + "&format=roster";
        List<RawHttp> held = new ArrayList<>();
        try {
            held.add(startUpload(path, ACME)); // an upload that has started and not finished
            // One import per caller: acme's second is refused while another caller still gets in.
            awaitTooManyRequests(path, ACME, "This caller already has 1 request(s) in progress");
            held.add(startUpload(path, ADMIN)); // now the endpoint is at its cap of two

            awaitTooManyRequests("/v1/attendance/import?sessionId=" + northwindSession + "&format=roster", NORTHWIND,
                    "This endpoint is handling as many requests as it takes at once");
            assertThat(send("GET", "/actuator/health", null, null, (String) null).status()).isEqualTo(200);

            for (RawHttp upload : held) {
                assertThat(upload.lastChunk().response().status()).isEqualTo(200);
            }
        } finally {
            for (RawHttp upload : held) {
                upload.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                send("POST", path, ACME, "text/csv", "licenseeId,type,occurredAt\n").status() == 200); // permits returned
    }

    private RawHttp startUpload(String path, String key) throws IOException {
        return new RawHttp(port).head("POST", path, "Authorization: Bearer " + key, "Content-Type: text/csv",
                "Transfer-Encoding: chunked").chunked("licenseeId,type,occurredAt\n".getBytes(StandardCharsets.US_ASCII), 1024);
    }

    private void awaitTooManyRequests(String path, String key, String detail) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response refused = send("POST", path, key, "text/csv", "licenseeId,type,occurredAt\n");
            if (refused.status() != 429) {
                return false;
            }
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("https://accrue.dev/problems/too-many-requests");
            assertThat(refused.json().get("detail").asString()).startsWith(detail);
            return true;
        });
    }
}
