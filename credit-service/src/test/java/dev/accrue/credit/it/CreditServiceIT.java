package dev.accrue.credit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("credit-it").toString();
        KAFKA.springProperties(APP_ID, stateDir, PORT).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("accrue.credit.streams.finalization-grace", () -> "3650d");
        registry.add("accrue.credit.streams.quiet-period", () -> "3650d");
    }

    private static void attend(AttendanceType type, String hhmm, String session) {
        Attendance event = new Attendance(UUID.randomUUID().toString(), session, LICENSEE, type, Fixtures.at(hhmm), null);
        KAFKA.send("attendance", LICENSEE, AttendanceMapper.toAvro(event, AttendanceSource.API, Instant.now()));
    }

    @Test
    void attendance_becomes_awards_certificates_compliance_and_answers_over_http() {
        KAFKA.send("sessions", SESSION, CatalogMapper.toAvro(
                Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET), Instant.now()));
        License license = new License("CA-BBS", "LMFT", "LMFT-77", LocalDate.parse("2025-01-01"),
                LocalDate.now().plusYears(1), false);
        KAFKA.send("licensees", LICENSEE, LicenseeMapper.toAvro(
                new dev.accrue.credit.licensee.Licensee(LICENSEE, "Ada", "Lovelace", "ada@example.org",
                        java.util.List.of(license)), Instant.now()));
        KAFKA.awaitConsumed(APP_ID, "licensees");

        attend(AttendanceType.JOINED, "09:00", SESSION);
        attend(AttendanceType.LEFT, "11:00", SESSION);
        attend(AttendanceType.JOINED, "09:00", "no-such-session");
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
        assertThat(KAFKA.<Rejection>awaitRecords("rejections", 1, r -> true)).extracting(Rejection::getReason)
                .containsExactly("Unknown session 'no-such-session'");

        await().atMost(ItSupport.TIMEOUT).until(() -> ItSupport.http("GET",
                BASE + "/v1/certificates/" + certificateId, "dev-admin-key", null).statusCode() == 200);
        String transcript = body(ItSupport.http("GET", BASE + "/v1/licensees/" + LICENSEE + "/transcript", "dev-admin-key", null));
        assertThat(transcript).contains("\"body\":\"IACET\"", "\"hours\":2.0", certificateId);
        assertThat(body(ItSupport.http("GET", BASE + "/v1/licensees/" + LICENSEE + "/compliance", "dev-analyst-key", null)))
                .contains("\"board\":\"CA-BBS\"", "\"earnedHours\":2.0");
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
    }

    @Test
    void health_metrics_and_api_docs_are_served() {
        await().atMost(ItSupport.TIMEOUT).until(() -> body(ItSupport.http("GET", BASE + "/actuator/health", null, null))
                .matches("(?s).*\"kafkaStreams\":\\{[^}]*\"state\":\"RUNNING\".*"));
        assertThat(body(ItSupport.http("GET", BASE + "/actuator/prometheus", "dev-admin-key", null))).contains("jvm_memory");
        assertThat(body(ItSupport.http("GET", BASE + "/v3/api-docs", null, null))).contains("/v1/credentials/verify");
        assertThat(ItSupport.http("GET", BASE + "/v1/credentials/issuer-key", null, null).statusCode()).isEqualTo(200);
    }

    private static String verify(String credential) {
        return body(ItSupport.http("POST", BASE + "/v1/credentials/verify", null, "{\"credential\":\"" + credential + "\"}"));
    }

    private static String body(java.net.http.HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
