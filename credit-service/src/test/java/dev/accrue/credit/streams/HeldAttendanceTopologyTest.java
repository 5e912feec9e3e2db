package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.license;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Attendance that arrives before its licensee profile or its session (a provider creates both and
 * posts attendance at once; Kafka Streams may process them in either order) is held, credited as
 * soon as the reference is known, and rejected only after the wait (10 minutes here), with how
 * long it waited. Setup knows {@code sess-1} and {@code lic-1}; {@code lic-2} and {@code sess-2} come later.
 */
class HeldAttendanceTopologyTest extends CreditTopologyHarness {

    static final String NEWCOMER = "lic-2";
    static final String NEW_SESSION = "sess-2";
    static final Duration WAIT = Duration.ofMinutes(10);
    /** The harness's three partitions of attendance are one task here (TopologyTestDriver), so this is the total. */
    static final int TASK_LIMIT = 5;

    @Override
    CreditStreamsProperties settings() {
        CreditStreamsProperties s = SETTINGS;
        return new CreditStreamsProperties(s.finalizationGrace(), s.quietPeriod(), s.closureSettle(),
                s.finalizationCheckInterval(),
                s.complianceCheckInterval(), s.certificatesByIdTopic(), WAIT, 3, TASK_LIMIT, s.accrualRetention(),
                s.retentionCheckInterval(), s.retentionCheckLimit());
    }

    private static Attendance by(String licenseeId, Attendance event) {
        return new Attendance(event.eventId(), event.sessionId(), licenseeId, event.type(), event.occurredAt(),
                event.score(), event.connectionId());
    }

    private static Attendance in(String sessionId, Attendance event) {
        return new Attendance(event.eventId(), sessionId, event.licenseeId(), event.type(), event.occurredAt(),
                event.score(), event.connectionId());
    }

    private static Licensee newcomer() {
        return new Licensee(NEWCOMER, "Grace", "Hopper", "grace@example.org",
                List.of(license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false)));
    }

    private static SessionDefinition session(String sessionId, SessionDefinition like) {
        return new SessionDefinition(sessionId, like.courseId(), like.providerId(), like.title(), like.format(),
                like.startsAt(), like.endsAt(), like.timeZone(), like.breaks(), like.creditHours(), like.categories(),
                like.approvals(), like.passingScore(), null, null, List.of());
    }

    private void publish(SessionDefinition session) {
        sessions.pipeInput(session.sessionId(), CatalogMapper.toAvro(session, clock.instant()));
    }

    private KeyValueStore<String, PendingAttendance> pending() {
        return driver.getKeyValueStore(CreditTopology.PENDING_STORE);
    }

    @Test
    void attendanceThatArrivesBeforeItsLicenseeProfileIsCreditedOnceTheProfileArrives() {
        attend(by(NEWCOMER, joined("09:00")), by(NEWCOMER, left("12:00")));
        assertThat(pending().get(NEWCOMER).events()).hasSize(2);

        profile(newcomer());
        assertThat(pending().get(NEWCOMER)).isNull();
        close();

        assertThat(credits.readValuesToList()).extracting(CreditAward::getLicenseeId, CreditAward::getBody,
                CreditAward::getHours).containsExactlyInAnyOrder(
                        tuple(NEWCOMER, dev.accrue.events.ApprovalBody.APA, 3.0),
                        tuple(NEWCOMER, dev.accrue.events.ApprovalBody.IACET, 3.0));
        passTime(WAIT.multipliedBy(2));
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void attendanceThatArrivesBeforeItsSessionIsCreditedOnceTheSessionAppears() {
        attend(in(NEW_SESSION, joined("09:00")), in(NEW_SESSION, left("12:00")));
        passTime(Duration.ofMinutes(1));
        assertThat(pending().get(LICENSEE).events()).hasSize(2);

        publish(session(NEW_SESSION, Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET)));
        passTime(settings().finalizationCheckInterval()); // the punctuator retries held events against the global table
        assertThat(pending().get(LICENSEE)).isNull();
        close(NEW_SESSION);

        assertThat(credits.readValuesToList()).extracting(CreditAward::getSessionId, CreditAward::getBody,
                CreditAward::getHours).containsExactlyInAnyOrder(
                        tuple(NEW_SESSION, dev.accrue.events.ApprovalBody.APA, 3.0),
                        tuple(NEW_SESSION, dev.accrue.events.ApprovalBody.IACET, 3.0));
        passTime(WAIT.multipliedBy(2));
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void heldAttendanceForASessionTheProviderClosedMeanwhileIsCreditedBeforeTheSessionIsFinal() {
        attend(in(NEW_SESSION, joined("09:00")), in(NEW_SESSION, left("12:00")));
        publish(session(NEW_SESSION, Fixtures.live(3, ApprovalBody.APA)));
        close(NEW_SESSION); // each punctuation retries held events first, then finalizes what is due
        assertThat(credits.readValuesToList()).extracting(CreditAward::getSessionId, CreditAward::getHours)
                .containsExactly(tuple(NEW_SESSION, 3.0));
    }

    @Test
    void aSelfStudyCompletionBeforeItsLicenseeProfileIsAwardedAsSoonAsTheProfileArrives() {
        SessionDefinition selfStudy = Fixtures.selfStudy(2, null, ApprovalBody.NBCC);
        publish(selfStudy);
        attend(by(NEWCOMER, Fixtures.completed("10:00", 90)));
        assertThat(credits.isEmpty()).isTrue();

        profile(newcomer()); // no punctuation: the licensee processor credits held events itself
        assertThat(credits.readValuesToList()).extracting(CreditAward::getLicenseeId, CreditAward::getHours)
                .containsExactly(tuple(NEWCOMER, 2.0));
        assertThat(certificates.readValuesToList()).extracting(CertificateIssued::getLicenseeId).containsExactly(NEWCOMER);
    }

    @Test
    void attendanceWhoseLicenseeStaysUnknownIsRejectedAfterTheWaitSayingHowLongItWaited() {
        Attendance join = by("stranger", joined("09:00"));
        attend(join);
        passTime(WAIT.minusSeconds(5));
        assertThat(rejections.isEmpty()).isTrue();

        passTime(Duration.ofSeconds(5));
        assertThat(rejections.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("stranger");
            assertThat(kv.value.getReason()).isEqualTo("Unknown licensee 'stranger', still unknown after waiting 10m");
            assertThat(kv.value.getEventId()).isEqualTo(join.eventId());
            // The rejection names the original record, although it is emitted by a punctuator.
            assertThat(kv.value.getSourceTopic()).isEqualTo(TOPICS.attendance());
            assertThat(kv.value.getOffset()).isZero();
        });
        assertThat(pending().get("stranger")).isNull();
    }

    @Test
    void attendanceWhoseSessionStaysUnknownIsRejectedAfterTheWait() {
        attend(in("no-such-session", joined("09:00")));
        passTime(WAIT);
        assertThat(rejections.readValuesToList()).extracting(Rejection::getReason)
                .containsExactly("Unknown session 'no-such-session', still unknown after waiting 10m");
    }

    @Test
    void anEventRejectedAfterTheWaitIsNotAlsoCreditedWhenItsProfileArrivesLater() {
        attend(by(NEWCOMER, joined("09:00")));
        passTime(WAIT);
        assertThat(rejections.readValuesToList()).hasSize(1);

        profile(newcomer());
        close();
        assertThat(credits.isEmpty()).isTrue();
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void aRedeliveredEventIsHeldOnceAndCreditedOnce() {
        Attendance join = by(NEWCOMER, joined("09:00"));
        attend(join, join, by(NEWCOMER, left("10:00")));
        assertThat(pending().get(NEWCOMER).events()).hasSize(2);

        profile(newcomer());
        assertThat(pending().get(NEWCOMER)).isNull();
        attend(join); // redelivered after it was credited: the accrual's event-id dedup applies
        close();
        // One hour of three: IACET 1.0 h partial, APA (all-or-nothing) nothing.
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1.0));
        assertThat(certificates.readValuesToList()).hasSize(1);
    }

    @Test
    void oneEventMoreThanTheHoldLimitIsRejectedAtOnceAndTheRestStillCredited() {
        attend(by(NEWCOMER, joined("09:00")), by(NEWCOMER, left("10:00")), by(NEWCOMER, joined("10:30")));
        Attendance fourth = by(NEWCOMER, left("12:00"));
        attend(fourth);
        assertThat(rejections.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getEventId()).isEqualTo(fourth.eventId());
            assertThat(r.getReason()).startsWith("Unknown licensee 'lic-2'; 3 events of this licensee already wait");
        });

        profile(newcomer());
        close();
        // 09:00-10:00 and 10:30 to the end (no LEFT arrived for it): 150 of 180 minutes.
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 2.5));
    }

    @Test
    void aHeldEventThatDoesNotFitItsSessionIsRejectedWhenTheSessionAppears() {
        attend(in(NEW_SESSION, Fixtures.completed("10:00", 90)));
        publish(session(NEW_SESSION, Fixtures.live(3, ApprovalBody.APA)));
        passTime(settings().finalizationCheckInterval());
        assertThat(rejections.readValuesToList()).extracting(Rejection::getReason, Rejection::getOffset)
                .containsExactly(tuple("SELF_STUDY_COMPLETED does not fit session 'sess-2', which is live", 0L));
    }

    @Test
    void onceTheTaskHoldsItsLimitInTotalTheNextEventForAnyUnknownLicenseeIsRejectedAtOnce() {
        for (int i = 1; i <= TASK_LIMIT; i++) {
            attend(by("stranger-" + i, joined("09:00")));
        }
        Attendance oneTooMany = by("stranger-6", joined("09:00"));
        attend(oneTooMany);

        assertThat(rejections.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getEventId()).isEqualTo(oneTooMany.eventId());
            assertThat(r.getReason()).isEqualTo("Unknown licensee 'stranger-6'; 5 events already wait for an unknown"
                    + " licensee or session in this partition of attendance, the most it may hold");
        });
        assertThat(pending().get("stranger-6")).isNull();
    }

    @Test
    void heldEventsCreditedWhenTheirProfileArrivesMakeRoomAgainByTheNextCheck() {
        for (int i = 1; i <= TASK_LIMIT; i++) {
            attend(by(i == 1 ? NEWCOMER : "stranger-" + i, joined("09:00")));
        }
        profile(newcomer()); // one held event is credited
        passTime(settings().finalizationCheckInterval()); // the check counts what is held again

        attend(by("stranger-6", joined("09:00")));
        assertThat(rejections.isEmpty()).isTrue();
        assertThat(pending().get("stranger-6").events()).hasSize(1);
    }
}
