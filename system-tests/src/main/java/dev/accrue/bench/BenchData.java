package dev.accrue.bench;

import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalog and licensees the benchmarks load through the ingest API before measuring. */
final class BenchData {

    static final String PROVIDER_KEY = "dev-provider-acme-key";
    static final String ADMIN_KEY = "dev-admin-key";
    static final String ANALYST_KEY = "dev-analyst-key";

    static void publishSession(ServiceClients http, String sessionId, String provider) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("courseId", "BENCH-1", "providerId", provider,
                "title", "Benchmark webinar", "description", "Load test", "format", "LIVE_WEBINAR",
                "startsAt", "2026-01-05T09:00:00-08:00", "endsAt", "2026-01-05T12:00:00-08:00",
                "timeZone", "America/Los_Angeles", "breaks", List.of(), "creditHours", 3));
        body.put("categories", List.of(Map.of("category", "GENERAL", "hours", 3)));
        body.put("approvals", List.of(Map.of("body", "APA", "approvalId", "APA-B"), Map.of("body", "IACET", "approvalId", "IACET-B")));
        require(http.put(ServiceFleet.Service.INGEST, "/v1/sessions/" + sessionId, PROVIDER_KEY, body), "session");
    }

    /** Licensees owned by acme, the provider whose key sends the benchmark's attendance. */
    static void publishLicensees(ServiceClients http, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = Map.of("givenName", "Bench", "familyName", "User" + i, "email", prefix + i + "@example.org",
                    "owner", "acme",
                    "licenses", List.of(Map.of("board", "CA-BBS", "licenseType", "LMFT", "licenseNumber", "B" + i,
                            "cycleStart", "2025-01-01", "cycleEnd", "2026-12-31", "firstRenewal", false)));
            require(http.put(ServiceFleet.Service.INGEST, "/v1/licensees/" + prefix + i, ADMIN_KEY, body), "licensee");
        }
    }

    /**
     * POSTs to ingest with the provider's key. Past the caller's concurrency cap (429) it waits as told and sends
     * again, as a well-behaved client does.
     */
    static HttpResponse<byte[]> postAsProvider(HttpClient client, String url, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + PROVIDER_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        while (response.statusCode() == 429) {
            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        return response;
    }

    /** A batch answer's accepted count, read from its first fields; fails unless every item was accepted. */
    static long accepted(HttpResponse<byte[]> response) {
        String body = new String(response.body(), 0, Math.min(response.body().length, 600), StandardCharsets.UTF_8);
        Matcher counts = COUNTS.matcher(body);
        if (response.statusCode() != 200 || !counts.lookingAt() || !counts.group(2).equals("0")) {
            throw new IllegalStateException("Batch failed: HTTP " + response.statusCode() + " " + body);
        }
        return Long.parseLong(counts.group(1));
    }

    private static final Pattern COUNTS = Pattern.compile("\\{\"accepted\":(\\d+),\"rejected\":(\\d+),");

    private static void require(ServiceClients.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " failed: HTTP " + response.status() + " " + response.body());
        }
    }

    private BenchData() {
    }
}
