package dev.accrue.credit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.AccrualLimit;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import dev.accrue.events.SessionClosed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What one tenant's input can do to everyone else, against the real broker and registry: a flood of
 * distinct events for one licensee in one session, and a record that throws while it is processed.
 * Either way the client stays RUNNING, the excess or the poison is on accrue.rejections with the
 * reason, and another licensee's attendance sent afterwards is still credited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class OneTenantFloodIT {

    static final String RUN = "flood-" + UUID.randomUUID().toString().substring(0, 8);
    static final String APP_ID = RUN + "-credit";
    static final int PORT = ItSupport.freePort();
    static final ItSupport KAFKA = new ItSupport(RUN);
    static final String BASE = "http://localhost:" + PORT;
    /** Ten thousand records through exactly-once processing, on a shared two-core machine. */
    static final Duration FLOOD_TIMEOUT = Duration.ofMinutes(4);

    @Autowired
    StreamsBuilderFactoryBean streams;

    /** The real rule book; one test makes it throw for one record, as an unforeseen bug would. */
    @MockitoSpyBean
    CreditRuleBook creditRules;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("credit-flood-it").toString();
        KAFKA.springProperties(APP_ID, stateDir, PORT).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("accrue.credit.streams.finalization-grace", () -> "3650d");
        registry.add("accrue.credit.streams.quiet-period", () -> "3650d");
    }

    @Test
    void tenThousandDistinctEventsForOnePairAreCappedAndEveryoneElseIsStillCredited() {
        String attacker = RUN + "-attacker";
        String victim = RUN + "-victim";
        String session = RUN + "-webinar";
        KAFKA.send("sessions", session, CatalogMapper.toAvro(live(session), Instant.now()));
        profile(attacker);
        profile(victim);
        KAFKA.awaitConsumed(APP_ID, "licensees");
        attend(attacker, session, AttendanceType.JOINED, Fixtures.at("09:00"));
        attend(attacker, session, AttendanceType.LEFT, Fixtures.at("12:00"));
        KAFKA.awaitConsumed(APP_ID, "attendance");
        KAFKA.send("session-closures", session, new SessionClosed(session, "acme", Instant.now()));
        KAFKA.<CreditAward>awaitRecords("credits", 1, a -> a.getLicenseeId().equals(attacker));

        // Two ingest batches' worth of distinct facts for the same pair: reconnects every 100 ms inside the session.
        int flood = 10_000;
        for (int i = 0; i < flood; i++) {
            attend(attacker, session, i % 2 == 0 ? AttendanceType.JOINED : AttendanceType.LEFT,
                    Fixtures.at("09:30").plusMillis(100L * i));
        }
        KAFKA.flush();
        // Sent after the flood: still credited (3 h attended of 3).
        attend(victim, session, AttendanceType.JOINED, Fixtures.at("09:00"));

        var victimAwards = KAFKA.<CreditAward>awaitRecords("credits", 1, a -> a.getLicenseeId().equals(victim),
                FLOOD_TIMEOUT);
        assertThat(victimAwards).extracting(CreditAward::getHours).containsOnly(3.0);
        int refused = flood - (AccrualLimit.FACTS - 2);
        List<Rejection> rejections = KAFKA.awaitRecords("rejections", refused, (Rejection r) -> r.getKey().equals(attacker),
                FLOOD_TIMEOUT);
        assertThat(rejections).hasSize(refused).allSatisfy(r -> assertThat(r.getReason())
                .contains("already has 1000 distinct attendance facts in session '" + session + "'",
                        "the credit stays as it is"));
        // The pair keeps its credit: the first awards, never revised or revoked by the flood.
        assertThat(KAFKA.<CreditAward>readAll("credits")).filteredOn(a -> a.getLicenseeId().equals(attacker))
                .extracting(CreditAward::getRevision, CreditAward::getHours).containsOnly(org.assertj.core.groups.Tuple.tuple(1, 3.0));
        assertRunning();
        assertThat(body(ItSupport.http("GET", BASE + "/v1/licensees/" + attacker + "/transcript", "dev-admin-key", null)))
                .contains("\"hours\":3.0");
    }

    @Test
    void aRecordThatThrowsWhileProcessedGoesToRejectionsAndTheNextOneIsCredited() {
        String licensee = RUN + "-poisoned";
        String course = RUN + "-course";
        Instant poison = Instant.parse("2025-03-10T10:17:17Z");
        willThrow(new IllegalStateException("rule book exploded")).given(creditRules).effectiveAt(eq(poison), any());
        KAFKA.send("sessions", course, CatalogMapper.toAvro(selfStudy(course), Instant.now()));
        profile(licensee);
        KAFKA.awaitConsumed(APP_ID, "licensees");

        attend(licensee, course, AttendanceType.SELF_STUDY_COMPLETED, poison);
        attend(licensee, course, AttendanceType.SELF_STUDY_COMPLETED, Fixtures.at("11:00"));

        assertThat(KAFKA.<Rejection>awaitRecords("rejections", 1, r -> r.getKey().equals(licensee)))
                .extracting(Rejection::getReason).singleElement().asString()
                .contains("Processing failed in attendance-processor", "IllegalStateException: rule book exploded");
        assertThat(KAFKA.<CreditAward>awaitRecords("credits", 1, a -> a.getLicenseeId().equals(licensee)))
                .extracting(CreditAward::getHours, CreditAward::getCompletedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2.0, Fixtures.at("11:00")));
        assertRunning();
    }

    private void assertRunning() {
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        await().atMost(ItSupport.TIMEOUT).until(() -> body(ItSupport.http("GET", BASE + "/actuator/health", "dev-admin-key", null))
                .matches("(?s).*\"kafkaStreams\":\\{[^}]*\"state\":\"RUNNING\".*"));
    }

    private static SessionDefinition live(String sessionId) {
        SessionDefinition like = Fixtures.live(3, ApprovalBody.IACET);
        return new SessionDefinition(sessionId, like.courseId(), like.providerId(), like.title(), like.format(),
                like.startsAt(), like.endsAt(), like.timeZone(), like.breaks(), like.creditHours(), like.categories(),
                like.approvals(), like.passingScore(), null, null, List.of());
    }

    private static SessionDefinition selfStudy(String sessionId) {
        SessionDefinition like = Fixtures.selfStudy(2, null, ApprovalBody.APA);
        return new SessionDefinition(sessionId, like.courseId(), like.providerId(), like.title(), like.format(),
                like.startsAt(), like.endsAt(), like.timeZone(), like.breaks(), like.creditHours(), like.categories(),
                like.approvals(), like.passingScore(), null, null, List.of());
    }

    private static void profile(String licensee) {
        KAFKA.send("licensees", licensee, LicenseeMapper.toAvro(new Licensee(licensee, "P", "L",
                licensee + "@example.org", List.of()), Instant.now()));
    }

    private static void attend(String licensee, String session, AttendanceType type, Instant at) {
        Double score = type == AttendanceType.SELF_STUDY_COMPLETED ? 90.0 : null;
        Attendance event = new Attendance(UUID.randomUUID().toString(), session, licensee, type, at, score, null);
        KAFKA.send("attendance", licensee, AttendanceMapper.toAvro(event, AttendanceSource.API, Instant.now()));
    }

    private static String body(java.net.http.HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
