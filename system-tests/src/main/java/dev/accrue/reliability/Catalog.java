package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;

import dev.accrue.infra.launcher.ServiceClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The provider data a scenario needs, registered through ingest as a provider would: live webinars
 * that ended an hour ago (so attendance for them is complete and credit can be final), and
 * licensees with a California licence whose cycle spans them. Ids carry the run's prefix, so
 * scenarios never read each other's records.
 */
final class Catalog {

    static final String PROVIDER = "acme";
    static final String PROVIDER_KEY = "dev-provider-acme-key";
    static final String OTHER_PROVIDER_KEY = "dev-provider-northwind-key";
    static final String ADMIN_KEY = "dev-admin-key";
    static final String ANALYST_KEY = "dev-analyst-key";
    static final Duration LENGTH = Duration.ofHours(1);

    private final ServiceClients clients;
    final Instant startsAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    Catalog(ServiceClients clients) {
        this.clients = clients;
    }

    void session(String sessionId) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("courseId", "REL-" + sessionId);
        session.put("providerId", PROVIDER);
        session.put("title", "Reliability webinar " + sessionId);
        session.put("description", "A live webinar the reliability suite attends.");
        session.put("format", "LIVE_WEBINAR");
        session.put("startsAt", startsAt.toString());
        session.put("endsAt", startsAt.plus(LENGTH).toString());
        session.put("timeZone", "UTC");
        session.put("creditHours", 1);
        session.put("categories", List.of(Map.of("category", "LAW_AND_ETHICS", "hours", 1)));
        session.put("approvals", List.of(Map.of("body", "APA", "approvalId", "APA-REL-1")));
        require(() -> clients.put(INGEST, "/v1/sessions/" + sessionId, PROVIDER_KEY, session), "session " + sessionId);
    }

    void licensee(String licenseeId) {
        require(() -> clients.put(INGEST, "/v1/licensees/" + licenseeId, PROVIDER_KEY, profile(licenseeId)), "licensee " + licenseeId);
    }

    /** A valid licensee profile with a California licence whose cycle spans the sessions. */
    static Map<String, Object> profile(String licenseeId) {
        return Map.of("givenName", "Rel", "familyName", licenseeId, "email", licenseeId + "@example.org",
                "licenses", List.of(Map.of("board", "CA-BBS", "licenseType", "LMFT", "licenseNumber", "LMFT " + licenseeId,
                        "cycleStart", "2025-01-01", "cycleEnd", "2027-12-31", "firstRenewal", false)));
    }

    void close(String sessionId) {
        require(() -> clients.post(INGEST, "/v1/sessions/" + sessionId + "/close", PROVIDER_KEY, Map.of()), "closing " + sessionId);
    }

    /** One attendance event, {@code minute} minutes into the session. */
    Map<String, Object> attendance(String eventId, String sessionId, String licenseeId, String type, double minute) {
        return Map.of("eventId", eventId, "sessionId", sessionId, "licenseeId", licenseeId, "type", type,
                "occurredAt", startsAt.plusMillis((long) (minute * 60_000)).toString());
    }

    /**
     * Sends until the answer is not a 503, as ingest's 503 asks ("retry later with the same ids"): a
     * just-created topic can take longer than ingest waits for its first acknowledgement.
     */
    private static void require(Supplier<ServiceClients.Response> request, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        ServiceClients.Response response = request.get();
        while (response.status() == 503 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // a client's back-off before the retry ingest asks for
            response = request.get();
        }
        if (!response.ok()) {
            throw new IllegalStateException("Registering " + what + " failed: " + response.status() + " " + response.body());
        }
    }
}
