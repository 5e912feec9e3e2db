package dev.accrue.bench;

import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static void require(ServiceClients.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " failed: HTTP " + response.status() + " " + response.body());
        }
    }

    private BenchData() {
    }
}
