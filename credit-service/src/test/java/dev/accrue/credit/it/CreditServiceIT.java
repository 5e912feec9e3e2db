package dev.accrue.credit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.AttendancePolicy;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.CertificateNumber;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import dev.accrue.events.SessionClosed;
import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.PeerRequests;
import dev.accrue.platform.security.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service end to end against the real broker and registry: Avro in, awards, certificates,
 * compliance and rejections out, and the HTTP API answering from the stores. Sessions are only
 * finalized by their provider here (long timers), so the test controls when credit becomes final.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class CreditServiceIT {

    static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);
    static final String APP_ID = RUN + "-credit";
    static final int PORT = ItSupport.freePort();
    static final ItSupport KAFKA = new ItSupport(RUN);
    static final String LICENSEE = RUN + "-lic";
    static final String SESSION = Fixtures.SESSION;
    static final String BASE = "http://localhost:" + PORT;

    @Autowired
    PeerRequests peers;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("credit-it").toString();
        KAFKA.springProperties(APP_ID, stateDir, PORT).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("accrue.credit.streams.finalization-grace", () -> "3650d");
        registry.add("accrue.credit.streams.quiet-period", () -> "3650d");
        // Long enough for a profile or session that follows its attendance by a few seconds, short
        // enough that the unknown-session rejection below does not slow the build much.
        registry.add("accrue.credit.streams.unknown-reference-wait", () -> "10s");
    }

    private static void attend(AttendanceType type, String hhmm, String session) {
        attend(LICENSEE, type, hhmm, session);
    }

    private static void attend(String licensee, AttendanceType type, String hhmm, String session) {
        Attendance event = new Attendance(UUID.randomUUID().toString(), session, licensee, type, Fixtures.at(hhmm), null, null);
        KAFKA.send("attendance", licensee, AttendanceMapper.toAvro(event, AttendanceSource.API, Instant.now()));
    }

    private static void sendProfile(String licensee) {
        KAFKA.send("licensees", licensee, LicenseeMapper.toAvro(new dev.accrue.credit.licensee.Licensee(licensee, "P",
                "L", licensee + "@example.org", java.util.List.of()), Instant.now()));
    }

    /** A 09:00-12:00 live session like the fixture's, under its own id. */
    private static SessionDefinition session(String sessionId, double creditHours, ApprovalBody... bodies) {
        SessionDefinition like = Fixtures.live(creditHours, bodies);
        return new SessionDefinition(sessionId, like.courseId(), like.providerId(), like.title(), like.format(),
                like.startsAt(), like.endsAt(), like.timeZone(), like.breaks(), like.creditHours(), like.categories(),
                like.approvals(), like.passingScore(), null, null, List.of());
    }

    @Test
    void attendanceBecomesAwardsCertificatesComplianceAndAnswersOverHttp() {
        // Sent first, so its wait overlaps the rest of the test; its licensee is not known yet either.
        attend(AttendanceType.JOINED, "09:00", "no-such-session");
        KAFKA.send("sessions", SESSION, CatalogMapper.toAvro(
                Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET), Instant.now()));
        // TX-LPC accepts IACET credit (CA-BBS would not count it).
        License license = new License("TX-LPC", "LPC", "LPC-77", LocalDate.parse("2025-01-01"),
                LocalDate.now().plusYears(1), false, false, java.util.Set.of());
        KAFKA.send("licensees", LICENSEE, LicenseeMapper.toAvro(
                new dev.accrue.credit.licensee.Licensee(LICENSEE, "Ada", "Lovelace", "ada@example.org",
                        java.util.List.of(license)), Instant.now()));
        KAFKA.awaitConsumed(APP_ID, "licensees");

        attend(AttendanceType.JOINED, "09:00", SESSION);
        attend(AttendanceType.LEFT, "11:00", SESSION);
        KAFKA.awaitConsumed(APP_ID, "attendance");
        KAFKA.send("session-closures", SESSION, new SessionClosed(SESSION, "acme", Instant.now()));

        // Two hours of three: IACET grants 2.0 h partial credit, APA (all-or-nothing) nothing.
        var awards = KAFKA.<CreditAward>awaitRecords("credits", 1, a -> a.getLicenseeId().equals(LICENSEE));
        assertThat(awards).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.IACET, 2.0));
        String certificateId = CertificateNumber.of(LICENSEE, SESSION);
        assertThat(KAFKA.<CertificateIssued>awaitRecords("certificates", 1, c -> c.getLicenseeId().equals(LICENSEE)))
                .extracting(CertificateIssued::getCertificateId).containsExactly(certificateId);
        KAFKA.<ComplianceStatus>awaitRecords("compliance", 1, s -> s.getEarnedHours() == 2.0);

        await().atMost(ItSupport.TIMEOUT).until(() -> ItSupport.http("GET",
                BASE + "/v1/certificates/" + certificateId, "dev-admin-key", null).statusCode() == 200);
        String transcript = body(ItSupport.http("GET", BASE + "/v1/licensees/" + LICENSEE + "/transcript", "dev-admin-key", null));
        assertThat(transcript).contains("\"body\":\"IACET\"", "\"hours\":2.0", certificateId);
        assertThat(body(ItSupport.http("GET", BASE + "/v1/licensees/" + LICENSEE + "/compliance", "dev-analyst-key", null)))
                .contains("\"board\":\"TX-LPC\"", "\"earnedHours\":2.0");
        assertThat(ItSupport.http("GET", BASE + "/v1/certificates/" + certificateId + ".pdf", "dev-provider-acme-key", null)
                .body()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        String credential = body(ItSupport.http("GET", BASE + "/v1/certificates/" + certificateId + "/credential",
                "dev-admin-key", null));
        assertThat(verify(credential)).contains("\"valid\":true");

        // A late JOINED at 11:00 with no LEFT fills the session to its end: APA now grants 3 h, IACET revises to 3 h.
        attend(AttendanceType.JOINED, "11:00", SESSION);
        var revised = KAFKA.<CreditAward>awaitRecords("credits", 3, a -> a.getLicenseeId().equals(LICENSEE));
        assertThat(revised).extracting(CreditAward::getBody, CreditAward::getRevision, CreditAward::getHours)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.IACET, 1, 2.0),
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.IACET, 2, 3.0),
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.APA, 1, 3.0));
        await().atMost(ItSupport.TIMEOUT).until(() -> verify(credential).contains("\"status\":\"SUPERSEDED\""));

        // Held for the wait (the session might still be on its way), then rejected, saying how long it
        // waited and naming only what is still unknown (the licensee's profile arrived meanwhile).
        assertThat(KAFKA.<Rejection>awaitRecords("rejections", 1, r -> r.getKey().equals(LICENSEE)))
                .extracting(Rejection::getReason).singleElement().asString()
                .matches("Unknown session 'no-such-session', still unknown after waiting 1\\ds");
    }

    /**
     * The demo's failure: providers PUT licensees (acknowledged by the broker) and POST their
     * attendance at once, and Kafka Streams may process an attendance record before the profile it
     * needs. Some profiles here even follow their attendance, and one session is published only after
     * its attendance was consumed. All of it is held and credited: exact awards, no rejection.
     */
    @Test
    void attendancePublishedRightAfterItsLicenseeOrBeforeItsSessionIsCreditedWithoutRejections() {
        String burst = RUN + "-burst";
        String known = burst + "-known";
        String late = burst + "-late";
        int licensees = 60;
        int profilesAfterAttendance = 6;
        KAFKA.send("sessions", known, CatalogMapper.toAvro(session(known, 3, ApprovalBody.APA, ApprovalBody.IACET),
                Instant.now()));
        for (int i = profilesAfterAttendance; i < licensees; i++) {
            sendProfile(burst + "-" + i);
        }
        KAFKA.flush(); // every profile acknowledged, as the ingest API does before it answers the PUT
        for (int i = 0; i < licensees; i++) {
            String licensee = burst + "-" + i;
            attend(licensee, AttendanceType.JOINED, "09:00", known);
            attend(licensee, AttendanceType.LEFT, "11:00", known);
            attend(licensee, AttendanceType.JOINED, "09:00", late);
        }
        for (int i = 0; i < profilesAfterAttendance; i++) {
            sendProfile(burst + "-" + i);
        }
        KAFKA.awaitConsumed(APP_ID, "attendance");
        KAFKA.awaitConsumed(APP_ID, "licensees");
        KAFKA.send("sessions", late, CatalogMapper.toAvro(session(late, 2, ApprovalBody.STATE_BOARD), Instant.now()));
        KAFKA.send("session-closures", known, new SessionClosed(known, "acme", Instant.now()));
        KAFKA.send("session-closures", late, new SessionClosed(late, "acme", Instant.now()));
        KAFKA.flush();

        // Two of three hours in `known`: IACET 2.0 h, APA nothing. Joined `late` (2 h) at its start, never left: 2.0 h.
        var awards = KAFKA.<CreditAward>awaitRecords("credits", 2 * licensees,
                a -> a.getLicenseeId().startsWith(burst + "-"));
        assertThat(awards).hasSize(2 * licensees);
        for (int i = 0; i < licensees; i++) {
            String licensee = burst + "-" + i;
            assertThat(awards).filteredOn(a -> a.getLicenseeId().equals(licensee))
                    .extracting(CreditAward::getSessionId, CreditAward::getBody, CreditAward::getHours,
                            CreditAward::getRevision)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(known, dev.accrue.events.ApprovalBody.IACET, 2.0, 1),
                            org.assertj.core.groups.Tuple.tuple(late, dev.accrue.events.ApprovalBody.STATE_BOARD, 2.0, 1));
        }
        assertThat(KAFKA.<Rejection>readAll("rejections")).filteredOn(r -> r.getKey().startsWith(burst + "-")).isEmpty();
    }

    /**
     * The provider's own stricter tolerance travels with the session through the broker: 9 minutes late is within
     * APA's 15 but not the provider's 5, so APA gives nothing there (IACET's partial credit still counts); a looser
     * tolerance than APA's leaves APA's in force.
     */
    @Test
    void aProvidersStricterAttendancePolicyIsAppliedAndALooserOneIsNot() {
        String strict = RUN + "-strict";
        String loose = RUN + "-loose";
        String licensee = RUN + "-policy";
        KAFKA.send("sessions", strict, CatalogMapper.toAvro(withPolicy(session(strict, 3, ApprovalBody.APA,
                ApprovalBody.IACET), new AttendancePolicy(5, null)), Instant.now()));
        KAFKA.send("sessions", loose, CatalogMapper.toAvro(withPolicy(session(loose, 3, ApprovalBody.APA),
                new AttendancePolicy(30, null)), Instant.now()));
        sendProfile(licensee);
        KAFKA.flush();
        for (String session : List.of(strict, loose)) {
            attend(licensee, AttendanceType.JOINED, "09:09", session);
            attend(licensee, AttendanceType.LEFT, "12:00", session);
        }
        KAFKA.awaitConsumed(APP_ID, "attendance");
        KAFKA.send("session-closures", strict, new SessionClosed(strict, "acme", Instant.now()));
        KAFKA.send("session-closures", loose, new SessionClosed(loose, "acme", Instant.now()));

        // Both sessions finalized: 171 of 180 minutes. An award that never rose above 0 is never issued.
        var awards = KAFKA.<CreditAward>awaitRecords("credits", 2, a -> a.getLicenseeId().equals(licensee));
        assertThat(awards).extracting(CreditAward::getSessionId, CreditAward::getBody, CreditAward::getHours)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(strict, dev.accrue.events.ApprovalBody.IACET, 2.8),
                        org.assertj.core.groups.Tuple.tuple(loose, dev.accrue.events.ApprovalBody.APA, 3.0));
    }

    private static SessionDefinition withPolicy(SessionDefinition s, AttendancePolicy policy) {
        return new SessionDefinition(s.sessionId(), s.courseId(), s.providerId(), s.title(), s.format(), s.startsAt(),
                s.endsAt(), s.timeZone(), s.breaks(), s.creditHours(), s.categories(), s.approvals(), s.passingScore(),
                policy, null, List.of());
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        await().atMost(ItSupport.TIMEOUT).until(() -> body(ItSupport.http("GET", BASE + "/actuator/health", "dev-admin-key", null))
                .matches("(?s).*\"kafkaStreams\":\\{[^}]*\"state\":\"RUNNING\".*"));
        for (String key : new String[] {null, "dev-analyst-key", "dev-provider-acme-key", "not-a-key"}) {
            var health = ItSupport.http("GET", BASE + "/actuator/health", key, null);
            assertThat(health.statusCode()).as(key).isEqualTo(200);
            // The probe groups' names are all the root adds to the status: no component, no Streams state.
            assertThat(body(health)).as(key).matches("\\{(\"groups\":\\[[a-z\",]*\\],)?\"status\":\"UP\"}");
        }
        assertThat(body(ItSupport.http("GET", BASE + "/actuator/prometheus", "dev-admin-key", null))).contains("jvm_memory");
        assertThat(body(ItSupport.http("GET", BASE + "/v3/api-docs", null, null))).contains("/v1/credentials/verify");
        assertThat(ItSupport.http("GET", BASE + "/v1/credentials/issuer-key", null, null).statusCode()).isEqualTo(200);
    }

    /**
     * Another instance forwards a per-licensee query with the caller's identity signed by the inter-instance
     * secret. Without a valid signature the identity header is refused, whatever key comes with it; with one,
     * the original caller's rights apply (a PROVIDER may not read compliance, an ANALYST may).
     */
    @Test
    void aForwardedQueryIsTrustedOnlyWhenSignedAndKeepsTheOriginalCallersRights() {
        String path = "/v1/licensees/" + RUN + "-nobody/compliance";
        String claimsAdmin = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("forged\nADMIN\n".getBytes(StandardCharsets.UTF_8));

        var forged = forward(path, java.util.Map.of(PeerRequests.CALLER_HEADER, claimsAdmin), null);
        var forgedWithKey = forward(path, java.util.Map.of(PeerRequests.CALLER_HEADER, claimsAdmin,
                PeerRequests.SIGNATURE_HEADER, Instant.now().getEpochSecond() + ".00"), "dev-provider-acme-key");
        var asProvider = forward(path, peers.forwardingHeaders(new Caller("dev-provider-acme", Role.PROVIDER,
                java.util.Optional.of("acme")), "GET", path), null);
        var asAnalyst = forward(path, peers.forwardingHeaders(new Caller("dev-analyst", Role.ANALYST,
                java.util.Optional.empty()), "GET", path), null);
        var replayedElsewhere = forward("/v1/licensees/" + RUN + "-other/compliance", peers.forwardingHeaders(
                new Caller("dev-analyst", Role.ANALYST, java.util.Optional.empty()), "GET", path), null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(forged)).contains("inter-instance signature");
        assertThat(forgedWithKey.statusCode()).isEqualTo(401);
        assertThat(asProvider.statusCode()).isEqualTo(403);
        assertThat(asAnalyst.statusCode()).isEqualTo(404);
        assertThat(replayedElsewhere.statusCode()).isEqualTo(401);
    }

    private static java.net.http.HttpResponse<byte[]> forward(String path, java.util.Map<String, String> headers, String apiKey) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + path)).GET();
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOversizedAnonymousVerificationIs413BeforeItsBodyIsRead() throws java.io.IOException {
        try (var http = new dev.accrue.infra.launcher.RawHttp(PORT)) {
            var response = http.head("POST", "/v1/credentials/verify", "Content-Type: application/json",
                    "Content-Length: " + 20 * 1024 * 1024).response(); // none of the 20 MB is ever sent
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("payload-too-large", "16 KB");
        }
        try (var http = new dev.accrue.infra.launcher.RawHttp(PORT)) {
            // Public paths are matched as written, so an encoded one needs a key: refused unread all the same.
            assertThat(http.head("POST", "/v1/credentials/%76erify", "Content-Type: application/json",
                    "Content-Length: " + 20 * 1024 * 1024).response().status()).isIn(401, 413);
        }
        try (var http = new dev.accrue.infra.launcher.RawHttp(PORT)) {
            var response = http.head("POST", "/v1/credentials/verify", "Content-Type: application/json",
                    "Transfer-Encoding: chunked").chunked(("{\"credential\":\"" + "a".repeat(64 * 1024))
                    .getBytes(StandardCharsets.US_ASCII), 8 * 1024).response(); // a credential that never ends
            assertThat(response.status()).isEqualTo(413);
        }
        assertThat(verify("not-a-credential")).contains("\"valid\":false");
    }

    private static String verify(String credential) {
        return body(ItSupport.http("POST", BASE + "/v1/credentials/verify", null, "{\"credential\":\"" + credential + "\"}"));
    }

    private static String body(java.net.http.HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
