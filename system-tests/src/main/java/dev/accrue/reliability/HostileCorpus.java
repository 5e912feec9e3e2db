package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.CREDIT;
import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;
import static dev.accrue.infra.launcher.ServiceFleet.Service.SEARCH;

import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Progress;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Requests a hostile or careless client sends, across all three services: no key or a wrong one,
 * another provider's data, broken JSON (cut at random points), wrong types and impossible values,
 * absurd nesting, oversized and percent-encoded paths, wrong methods and media types, bad query
 * parameters. Promise: every one gets a 4xx answer in problem+json, none a 5xx, and nothing reaches
 * the ingest topics.
 */
final class HostileCorpus {

    /** One request of the corpus; {@code key} null sends no Authorization header. */
    record Attack(String label, ServiceFleet.Service service, String method, String path, String key, String contentType,
                  byte[] body) {
    }

    private static final List<String> INGEST_TOPICS = List.of(BenchKafka.SESSIONS, BenchKafka.CLOSURES,
            BenchKafka.LICENSEES, BenchKafka.ATTENDANCE);

    static ScenarioResult run(Rig rig, Settings settings) {
        String session = settings.prefix() + "-hc";
        String licensee = settings.prefix() + "-hc-l0";
        rig.catalog.session(session);
        rig.catalog.licensee(licensee);
        List<Attack> corpus = corpus(rig, session, licensee, settings);
        Progress.step("Hostile corpus: %d requests across the three services", corpus.size());
        long publishedBefore = published(rig);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> wrong = new ArrayList<>();
        Map<String, Long> byStatus = new TreeMap<>();
        long answered4xx = 0;
        long answered2xx = 0;
        Progress.Bar bar = Progress.bar("requests", corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            Attack attack = corpus.get(i);
            String outcome = send(http, rig.fleet.url(attack.service()), attack);
            byStatus.merge(outcome.split(" ")[0], 1L, Long::sum);
            answered2xx += outcome.startsWith("2") ? 1 : 0;
            if (outcome.startsWith("4") && outcome.endsWith("problem")) {
                answered4xx++;
            } else {
                wrong.add(attack.label() + " -> " + outcome);
            }
            bar.update(i + 1);
        }
        bar.close();
        long published = published(rig) - publishedBefore;
        List<String> failures = new ArrayList<>();
        if (!wrong.isEmpty()) {
            failures.add(wrong.size() + " requests did not get a 4xx problem+json: "
                    + wrong.stream().limit(15).collect(Collectors.joining("; ")));
        }
        if (published > 0) {
            failures.add(published + " records reached the ingest topics");
        }
        return new ScenarioResult("Hostile request corpus", corpus.size() + " malformed, oversized or unauthorised "
                + "requests (seed " + settings.seed() + ")", corpus.size(), answered2xx, 0, 0, 0,
                List.of("answers by status: " + byStatus, "answered 4xx problem+json: " + answered4xx,
                        "records published to the ingest topics: " + published), failures);
    }

    /** "status problem" when the answer is problem+json, "status other-type" otherwise, "no-answer ..." on failure. */
    private static String send(HttpClient http, String base, Attack attack) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attack.path()))
                .timeout(Duration.ofSeconds(30))
                .method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.key() != null) {
            request.header("Authorization", "Bearer " + attack.key());
        }
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            String type = response.headers().firstValue("Content-Type").orElse("none");
            return response.statusCode() + (type.startsWith("application/problem+json") ? " problem" : " " + type);
        } catch (IOException e) {
            return "no-answer " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long published(Rig rig) {
        return INGEST_TOPICS.stream().mapToLong(rig.kafka::endOffsetSum).sum();
    }

    static List<Attack> corpus(Rig rig, String session, String licensee, Settings settings) {
        Random random = new Random(settings.seed());
        String json = "application/json";
        String key = Catalog.PROVIDER_KEY;
        String valid = "{\"eventId\":\"" + session + "-x\",\"sessionId\":\"" + session + "\",\"licenseeId\":\"" + licensee
                + "\",\"type\":\"JOINED\",\"occurredAt\":\"" + rig.catalog.startsAt + "\"}";
        List<Attack> corpus = new ArrayList<>();

        // Authentication: no key, a wrong key, a malformed header, on every service.
        for (ServiceFleet.Service service : ServiceFleet.Service.values()) {
            String path = switch (service) {
                case INGEST -> "/v1/attendance";
                case CREDIT -> "/v1/licensees/" + licensee + "/transcript";
                case SEARCH -> "/v1/analytics/formats?from=2026-01-01&to=2026-12-31";
            };
            String method = service == INGEST ? "POST" : "GET";
            byte[] body = service == INGEST ? bytes(valid) : null;
            for (String badKey : new String[] {null, "nope", "DEV-PROVIDER-ACME-KEY", "", "' OR 1=1 --"}) {
                corpus.add(new Attack("auth " + service + " key=" + badKey, service, method, path, badKey,
                        body == null ? null : json, body));
            }
        }
        // Broken JSON: the valid event cut at random points.
        for (int i = 0; i < 60; i++) {
            int cut = 1 + random.nextInt(valid.length() - 2);
            corpus.add(new Attack("truncated at " + cut, INGEST, "POST", "/v1/attendance", key, json, bytes(valid.substring(0, cut))));
        }
        // Wrong types and impossible values, field by field.
        Map<String, List<String>> badValues = Map.of(
                "eventId", List.of("123", "null", "[]", "{}", "\"\"", "\"" + "e".repeat(5000) + "\"", "\"a\\u0000b\""),
                "sessionId", List.of("\"no-such-session\"", "null", "7", "\"../../etc/passwd\"", "\"\""),
                "licenseeId", List.of("\"no-such-licensee\"", "null", "true", "\"\"", "\"" + "l".repeat(4000) + "\""),
                "type", List.of("\"ATTENDED\"", "\"\"", "null", "\"joined \"", "42"),
                "occurredAt", List.of("\"yesterday\"", "\"2026-13-45T25:61:00Z\"", "\"\"", "null", "1e308",
                        "\"+999999999-12-31T23:59:59Z\"", "\"-0001-01-01T00:00:00Z\"", "\"2026-03-02T09:00:00\""));
        for (Map.Entry<String, List<String>> field : badValues.entrySet()) {
            for (String value : field.getValue()) {
                String body = valid.replaceFirst("\"" + field.getKey() + "\":(\"[^\"]*\")", "\"" + field.getKey() + "\":"
                        + Matcher.quoteReplacement(value));
                for (int repeat = 0; repeat < 2; repeat++) {
                    corpus.add(new Attack(field.getKey() + "=" + abbreviate(value), INGEST, "POST", "/v1/attendance", key,
                            json, bytes(body)));
                }
            }
        }
        // Another provider's session and licensee.
        corpus.add(new Attack("northwind posts to acme's session", INGEST, "POST", "/v1/attendance",
                Catalog.OTHER_PROVIDER_KEY, json, bytes(valid)));
        corpus.add(new Attack("northwind closes acme's session", INGEST, "POST", "/v1/sessions/" + session + "/close",
                Catalog.OTHER_PROVIDER_KEY, null, null));
        corpus.add(new Attack("northwind replaces acme's session", INGEST, "PUT", "/v1/sessions/" + session,
                Catalog.OTHER_PROVIDER_KEY, json, bytes("{\"providerId\":\"northwind\"}")));
        // Structure: absurd nesting, wrong top-level shapes, empty bodies, wrong media types and methods.
        for (int depth : new int[] {2_000, 20_000, 200_000}) {
            corpus.add(new Attack("nesting " + depth, INGEST, "POST", "/v1/attendance", key, json,
                    bytes("[".repeat(depth) + "]".repeat(depth))));
            corpus.add(new Attack("batch nesting " + depth, INGEST, "POST", "/v1/attendance/batch", key, json,
                    bytes("[".repeat(depth) + "]".repeat(depth))));
        }
        for (String shape : new String[] {"", " ", "[]", "\"text\"", "42", "null", "{}", "{\"eventId\":{}}"}) {
            corpus.add(new Attack("single shape " + shape, INGEST, "POST", "/v1/attendance", key, json, bytes(shape)));
            corpus.add(new Attack("batch shape " + shape, INGEST, "POST", "/v1/attendance/batch", key, json,
                    bytes(shape.equals("[]") ? "{}" : shape)));
            corpus.add(new Attack("session shape " + shape, INGEST, "PUT", "/v1/sessions/" + session + "-new", key, json,
                    bytes(shape)));
            corpus.add(new Attack("licensee shape " + shape, INGEST, "PUT", "/v1/licensees/" + licensee + "-new", key, json,
                    bytes(shape)));
        }
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png"}) {
            corpus.add(new Attack("media type " + type, INGEST, "POST", "/v1/attendance", key, type, bytes(valid)));
        }
        corpus.add(new Attack("DELETE attendance", INGEST, "DELETE", "/v1/attendance", key, null, null));
        corpus.add(new Attack("PATCH session", INGEST, "PATCH", "/v1/sessions/" + session, key, json, bytes("{}")));
        corpus.add(new Attack("no such path", INGEST, "GET", "/v1/nothing-here", key, null, null));
        // Size limits, including through percent-encoded and decorated paths.
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        for (String path : new String[] {"/v1/sessions/x", "/%761/sessions/x", "/v1/%73essions/x", "/v1//sessions/x",
                "/v1/sessions/x;jsessionid=1", "/v1/sessions/x/"}) {
            corpus.add(new Attack("3 MB PUT " + path, INGEST, "PUT", path, key, json, big));
        }
        corpus.add(new Attack("3 MB attendance", INGEST, "POST", "/v1/attendance", key, json, big));
        corpus.add(new Attack("3 MB verify", CREDIT, "POST", "/v1/credentials/verify", null, json, big));
        // Imports that are not what they claim to be.
        for (String body : new String[] {"", "\u0000\u0001\u0002", "a,b,c\n1,2", "\"unterminated\n"}) {
            corpus.add(new Attack("zoom import " + abbreviate(body), INGEST, "POST",
                    "/v1/attendance/import?sessionId=" + session + "&format=zoom", key, "text/csv", bytes(body)));
        }
        corpus.add(new Attack("import without session", INGEST, "POST", "/v1/attendance/import?format=zoom", key, "text/csv",
                bytes("Name,Email\n")));
        corpus.add(new Attack("import unknown format", INGEST, "POST",
                "/v1/attendance/import?sessionId=" + session + "&format=excel", key, "text/csv", bytes("a\n")));

        // Paths that look public as written but may route elsewhere once normalised: never a way around the key.
        for (String sneaky : new String[] {"/swagger-ui/..;/v1/licensees/" + licensee + "/compliance",
                "/actuator/health/..;/..;/v1/licensees/" + licensee + "/compliance",
                "/v3/api-docs/%2e%2e/%2e%2e/v1/licensees/" + licensee + "/compliance",
                "/v1/credentials/verify/..;/..;/licensees/" + licensee + "/compliance"}) {
            corpus.add(new Attack("no key via " + sneaky, CREDIT, "GET", sneaky, null, null, null));
        }

        // credit-service: verification without a credential, unknown certificates, reads without the right.
        for (String body : new String[] {"", "{}", "{\"credential\":\"\"}", "[]", "{\"credential\":", "null"}) {
            corpus.add(new Attack("verify " + body, CREDIT, "POST", "/v1/credentials/verify", null, json, bytes(body)));
        }
        for (String id : new String[] {"AC-0000-0000-0000-0000-0000-0000-0000-0000", "nope", "%00", "..%2F..%2F", "x".repeat(3000)}) {
            corpus.add(new Attack("certificate " + abbreviate(id), CREDIT, "GET", "/v1/certificates/" + id, Catalog.ADMIN_KEY,
                    null, null));
            corpus.add(new Attack("credential " + abbreviate(id), CREDIT, "GET", "/v1/certificates/" + id + "/credential",
                    Catalog.ADMIN_KEY, null, null));
        }
        corpus.add(new Attack("provider reads compliance", CREDIT, "GET", "/v1/licensees/" + licensee + "/compliance", key,
                null, null));
        corpus.add(new Attack("POST transcript", CREDIT, "POST", "/v1/licensees/" + licensee + "/transcript",
                Catalog.ADMIN_KEY, json, bytes("{}")));

        // search-service: parameters out of their domain.
        String[] badQueries = {"metric=nope&interval=month&from=2026-01-01&to=2026-12-31",
                "metric=creditHours&interval=fortnight&from=2026-01-01&to=2026-12-31",
                "metric=creditHours&interval=month&from=2026-13-01&to=2026-12-31",
                "metric=creditHours&interval=month&from=2026-12-31&to=2026-01-01",
                "metric=creditHours&interval=month&from=0001-01-01&to=9999-12-31",
                "metric=creditHours&interval=month&from=yesterday&to=today",
                "metric=attendees&interval=month&from=2026-01-01&to=2026-12-31",
                "metric=creditHours&interval=minute&from=2000-01-01&to=2026-12-31"};
        for (String query : badQueries) {
            corpus.add(new Attack("trends " + query, SEARCH, "GET", "/v1/analytics/trends?" + query, Catalog.ANALYST_KEY,
                    null, null));
        }
        for (String endpoint : new String[] {"top-courses", "categories", "formats", "completion", "compliance"}) {
            for (String query : new String[] {"from=nope", "from=2026-05-01&to=2026-01-01", "from=2026-02-30",
                    "from=1899-12-31&to=2026-01-01"}) {
                corpus.add(new Attack(endpoint + " " + query, SEARCH, "GET", "/v1/analytics/" + endpoint + "?" + query,
                        Catalog.ANALYST_KEY, null, null));
            }
        }
        for (String query : new String[] {"from=nope", "from=2026-05-01&to=2026-01-01", "from=1000-01-01&to=2026-01-01"}) {
            corpus.add(new Attack("export " + query, SEARCH, "GET", "/v1/export/attendance.csv?" + query,
                    Catalog.ANALYST_KEY, null, null));
        }
        corpus.add(new Attack("DELETE on search", SEARCH, "DELETE", "/v1/analytics/trends", Catalog.ANALYST_KEY, null, null));

        // Fill up to the requested size with more random cuts of a session definition.
        String sessionJson = "{\"courseId\":\"C\",\"providerId\":\"acme\",\"title\":\"T\",\"format\":\"LIVE_WEBINAR\","
                + "\"startsAt\":\"2026-03-02T09:00:00Z\",\"endsAt\":\"2026-03-02T10:00:00Z\",\"creditHours\":1,"
                + "\"approvals\":[{\"body\":\"APA\",\"approvalId\":\"A\"}]}";
        while (corpus.size() < settings.hostileRequests()) {
            int cut = 1 + random.nextInt(sessionJson.length() - 2);
            corpus.add(new Attack("session truncated at " + cut, INGEST, "PUT", "/v1/sessions/" + session + "-cut", key, json,
                    bytes(sessionJson.substring(0, cut))));
        }
        return corpus;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private HostileCorpus() {
    }
}
