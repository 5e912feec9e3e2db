package dev.accrue.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.infra.launcher.RawHttp;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request limits on a real Tomcat, probed the way a hostile client would: disguised paths,
 * Content-Length lies, chunked bodies that never end, anonymous uploads, and one request too many.
 * Each refusal must come before the body is read, or as soon as it passes the limit.
 */
@SpringBootTest(classes = RequestLimitsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "accrue.topics.create=false",
        "server.tomcat.max-swallow-size=64KB",
        "accrue.security.keys[0].name=test",
        "accrue.security.keys[0].sha256=62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef", // "test-key"
        "accrue.security.keys[0].role=ADMIN",
        "accrue.security.keys[1].name=other",
        "accrue.security.keys[1].sha256=580843d03d2216ff1a275d0991bad66e4d1af871171d929e9de604b7959f9bca", // "other-key"
        "accrue.security.keys[1].role=ADMIN",
        "accrue.security.public-paths=/v1/credentials/verify,/v1/held,/error",
        "accrue.web.limits.max-body=64KB",
        "accrue.web.limits.retry-after=3s",
        "accrue.web.limits.endpoints[0].path=/v1/import",
        "accrue.web.limits.endpoints[0].max-body=1MB",
        "accrue.web.limits.endpoints[1].path=/v1/slow",
        "accrue.web.limits.endpoints[1].max-concurrent=1",
        "accrue.web.limits.endpoints[2].path=/v1/credentials/verify",
        "accrue.web.limits.endpoints[2].max-body=16KB",
        "accrue.web.limits.endpoints[3].path=/v1/held",
        "accrue.web.limits.endpoints[3].max-concurrent=3"}) // one per caller, by default half of it

class RequestLimitsIT {

    static final String KEY = "Authorization: Bearer test-key";
    static final int TWENTY_MB = 20 * 1024 * 1024;

    @LocalServerPort
    int port;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    @RestController
    static class Endpoints {

        static final CountDownLatch slowEntered = new CountDownLatch(1);
        static final CountDownLatch slowRelease = new CountDownLatch(1);

        @PutMapping("/v1/sessions/{id}")
        String session(@PathVariable String id, @RequestBody String body) {
            return "read " + body.length();
        }

        /** A JSON body read by Jackson, as the services' controllers read theirs. */
        @PutMapping("/v1/licensees/{id}")
        String licensee(@PathVariable String id, @RequestBody Map<String, Object> body) {
            return "read " + body.get("name");
        }

        @PostMapping("/v1/import")
        String importBody(HttpServletRequest request) throws IOException {
            return "read " + request.getInputStream().readAllBytes().length;
        }

        @PostMapping("/v1/credentials/verify")
        String verify(@RequestBody String body) {
            return "read " + body.length();
        }

        static final Semaphore heldEntered = new Semaphore(0);
        static final CountDownLatch heldRelease = new CountDownLatch(1);

        @PostMapping("/v1/held")
        String held() throws InterruptedException {
            heldEntered.release();
            return heldRelease.await(30, TimeUnit.SECONDS) ? "done" : "timed out";
        }

        @PostMapping("/v1/slow")
        String slow() throws InterruptedException {
            slowEntered.countDown();
            return slowRelease.await(30, TimeUnit.SECONDS) ? "done" : "timed out";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sessions/x", "/%761/sessions/x", "/v1/%73essions/x", "//v1/sessions/x",
            "/v1/sessions/x;jsessionid=abc", "/v1;x=y/sessions/x", "/v1/sessions/x/", "/v1/import/", "//v1/import",
            "/v1/%2e/import", "/nowhere"})
    void aLargeDeclaredBodyIs413BeforeAnyOfItIsSentWhateverThePathLooksLike(String path) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("PUT", path, KEY, "Content-Type: application/json",
                    "Content-Length: " + 2 * 1024 * 1024).response(); // no body is ever sent

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).contains("\"type\":\"https://accrue.dev/problems/payload-too-large\"",
                    "\"status\":413", "64 KB (accrue.web.limits.max-body)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/import", "/v1/%69mport", "/%761/import", "/v1/import;jsessionid=abc"})
    void anEncodedPathGetsTheLimitOfTheEndpointSpringRoutesItTo(String path) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", path, KEY, "Content-Type: text/csv", "Content-Length: 200000")
                    .body(new byte[200_000]).response();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("read 200000");
        }
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.head("POST", path, KEY, "Content-Length: " + TWENTY_MB).response().body())
                    .contains("1 MB (accrue.web.limits.endpoints[0].max-body)");
        }
    }

    /** Overlong "/", a UTF-16 surrogate, past U+10FFFF, a broken two-byte form, and a character cut short. */
    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "C328", "E282"})
    void aJsonBodyThatIsNotUtf8Is400AndNeverReachesTheEndpoint(String hex) throws IOException {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] body = concat("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII), bad, "\"}".getBytes(StandardCharsets.US_ASCII));
        for (String path : List.of("/v1/licensees/x", "/v1/sessions/x")) {
            try (RawHttp http = new RawHttp(port)) {
                RawHttp.Response response = http.head("PUT", path, KEY, "Content-Type: application/json; charset=utf-8",
                        "Content-Length: " + body.length).body(body).response();

                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(response.body()).contains("\"type\":\"https://accrue.dev/problems/malformed-body\"",
                        "The request body is not valid UTF-8");
            }
        }
    }

    @Test
    void aJsonBodyInUtf8WithAnyCharacterIsRead() throws IOException {
        byte[] body = "{\"name\":\"Zoë Đặng 😀\"}".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("PUT", "/v1/licensees/x", KEY, "Content-Type: application/json",
                    "Content-Length: " + body.length).body(body).response();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("read Zoë Đặng 😀");
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aChunkedBodyIs413AsSoonAsItPassesTheLimitWithoutTheRestBeingSent() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("PUT", "/%761/sessions/x", KEY, "Content-Type: application/json",
                    "Transfer-Encoding: chunked").chunks(96 * 1024, 8 * 1024).response(); // and then nothing more

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("payload-too-large", "64 KB (accrue.web.limits.max-body)");
        }
    }

    @Test
    void aChunkedBodyReadByTheEndpointItselfIs413Too() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", "/v1/import", KEY, "Content-Type: text/csv",
                    "Transfer-Encoding: chunked").chunks(1024 * 1024 + 64 * 1024, 64 * 1024).response();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("1 MB (accrue.web.limits.endpoints[0].max-body)");
        }
    }

    @Test
    void anAnonymousUploadToAProtectedEndpointIs401Unread() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", "/v1/import", "Content-Type: text/csv",
                    "Content-Length: " + TWENTY_MB).response();

            assertThat(response.status()).isEqualTo(401);
        }
    }

    @Test
    void aPublicEndpointGetsItsOwnSmallLimitUnreadAndChunked() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", "/v1/credentials/verify", "Content-Type: application/json",
                    "Content-Length: " + TWENTY_MB).response();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("16 KB (accrue.web.limits.endpoints[2].max-body)");
        }
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("POST", "/v1/credentials/verify", "Content-Type: application/json",
                    "Transfer-Encoding: chunked").chunks(64 * 1024, 8 * 1024).response();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.head("POST", "/v1/credentials/verify", "Content-Type: application/json", "Content-Length: 2")
                    .body("{}".getBytes()).response().body()).isEqualTo("read 2");
        }
    }

    @Test
    void pastTheConcurrencyCapARequestIs429WithRetryAfterAndTheOthersStillRun() throws Exception {
        CompletableFuture<RawHttp.Response> first = CompletableFuture.supplyAsync(() -> {
            try (RawHttp http = new RawHttp(port)) {
                return http.head("POST", "/v1/slow", KEY, "Content-Length: 0").response();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Endpoints.slowEntered.await(30, TimeUnit.SECONDS)).isTrue();

        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response refused = http.head("POST", "/v1/slow", KEY, "Content-Length: 10000").response(); // unsent
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("3");
            assertThat(refused.body()).contains("https://accrue.dev/problems/too-many-requests");
        }
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.head("PUT", "/v1/sessions/x", KEY, "Content-Type: application/json", "Content-Length: 2")
                    .body("{}".getBytes()).response().status()).as("other endpoints still answer").isEqualTo(200);
        }
        Endpoints.slowRelease.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.head("POST", "/v1/slow", KEY, "Content-Length: 0").response().status())
                    .as("the permit is returned").isEqualTo(200);
        }
    }

    @Test
    void aCallerAtItsShareOfTheSlotsIs429WhileAnotherCallerStillGetsIn() throws Exception {
        CompletableFuture<RawHttp.Response> byKey = postAsync("/v1/held", KEY);
        assertThat(Endpoints.heldEntered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        RawHttp.Response sameKeyAgain = post("/v1/held", KEY);
        CompletableFuture<RawHttp.Response> anonymous = postAsync("/v1/held"); // counted by its address
        assertThat(Endpoints.heldEntered.tryAcquire(30, TimeUnit.SECONDS)).as("an anonymous caller gets in").isTrue();
        RawHttp.Response sameAddressAgain = post("/v1/held");
        CompletableFuture<RawHttp.Response> otherKey = postAsync("/v1/held", "Authorization: Bearer other-key");
        assertThat(Endpoints.heldEntered.tryAcquire(30, TimeUnit.SECONDS)).as("another key gets in").isTrue();
        Endpoints.heldRelease.countDown();

        assertThat(sameKeyAgain.status()).isEqualTo(429);
        assertThat(sameKeyAgain.header("Retry-After")).isEqualTo("3");
        assertThat(sameKeyAgain.body()).contains("too-many-requests", "This caller already has 1 request(s) in progress");
        assertThat(sameAddressAgain.status()).isEqualTo(429);
        for (CompletableFuture<RawHttp.Response> admitted : List.of(byKey, anonymous, otherKey)) {
            assertThat(admitted.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
        }
        // The response can reach the client just before the filter returns the slot.
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(post("/v1/held", KEY).status())
                .as("the caller's slot is returned").isEqualTo(200));
    }

    private RawHttp.Response post(String path, String... headers) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            List<String> all = new ArrayList<>(List.of(headers));
            all.add("Content-Length: 0");
            return http.head("POST", path, all.toArray(String[]::new)).response();
        }
    }

    private CompletableFuture<RawHttp.Response> postAsync(String path, String... headers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return post(path, headers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
