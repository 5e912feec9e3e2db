package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualEvent;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Accruals of a live session are kept for the retention after its end (2 days here, checked hourly),
 * then deleted; attendance for the session after that is rejected, with the reason, instead of being
 * credited on its own. Session {@code sess-1} ends 2025-03-10T12:00Z. A check does at most {@value #LIMIT} units
 * of each kind of work.
 */
class AccrualRetentionTopologyTest extends CreditTopologyHarness {

    static final Duration RETENTION = Duration.ofDays(2);
    /** Work per check (sessions looked at, accrual keys deleted or visited): small, so checks have to continue. */
    static final int LIMIT = 2;

    @Override
    CreditStreamsProperties settings() {
        CreditStreamsProperties s = SETTINGS;
        return new CreditStreamsProperties(s.finalizationGrace(), s.quietPeriod(), s.closureSettle(),
                s.finalizationCheckInterval(), s.complianceCheckInterval(), s.certificatesByIdTopic(),
                s.unknownReferenceWait(), s.unknownReferenceHoldLimit(), s.unknownReferenceTaskHoldLimit(), RETENTION,
                Duration.ofHours(1), LIMIT);
    }

    private KeyValueStore<String, Accrual> accruals() {
        return driver.getKeyValueStore(CreditTopology.ACCRUAL_STORE);
    }

    private KeyValueStore<String, Long> retained() {
        return driver.getKeyValueStore(CreditTopology.RETAINED_STORE);
    }

    /** Moves the clock to {@code at} and lets the hourly retention check run. */
    private void checkAt(Instant at) {
        passTime(Duration.between(clock.instant(), at));
    }

    @Test
    void accrualsAreKeptUntilTheRetentionHasPassedAndThenDeletedWithTheAwardsLeftInPlace() {
        attend(joined("09:00"), left("12:00"));
        close();
        assertThat(credits.readValuesToList()).hasSize(2);
        String key = CreditStores.accrualKey(SESSION, LICENSEE);

        checkAt(Fixtures.ENDS.plus(RETENTION).minusSeconds(1));
        assertThat(accruals().get(key)).isNotNull();

        checkAt(Fixtures.ENDS.plus(RETENTION));
        assertThat(accruals().get(key)).isNull();
        assertThat(retained().get(SESSION)).isNull();
        assertThat(credits.isEmpty()).as("no award is revised or revoked by the deletion").isTrue();
    }

    @Test
    void aLateEventWithinTheRetentionStillRevisesTheAward() {
        attend(joined("09:00"), left("12:00"));
        close();
        credits.readValuesToList();

        checkAt(Fixtures.ENDS.plus(RETENTION).minusSeconds(1));
        attend(left("10:00")); // an earlier LEFT, sent very late: one hour of three

        assertThat(credits.readValuesToList()).extracting(CreditAward::getHours).containsExactlyInAnyOrder(0.0, 1.0);
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void aLateEventAfterTheRetentionIsRejectedWithTheReasonAndCreditsNothing() {
        attend(joined("09:00"), left("12:00"));
        close();
        credits.readValuesToList();
        checkAt(Fixtures.ENDS.plus(RETENTION));

        attend(left("10:00"));
        passTime(Duration.ofHours(1));

        assertThat(rejections.readValuesToList()).extracting(Rejection::getReason).containsExactly("Session 'sess-1'"
                + " ended at 2025-03-10T12:00:00Z, more than 2 days ago; its accruals are no longer kept (accrual"
                + " retention), so attendance for it can no longer be credited");
        assertThat(credits.isEmpty()).isTrue();
        assertThat(accruals().get(CreditStores.accrualKey(SESSION, LICENSEE))).isNull();
    }

    @Test
    void aCheckDoesAtMostItsLimitOfWorkAndContinuesAtTheNextFinalizationCheck() {
        Accrual old = AccrualDecider.evolve(Accrual.empty(LICENSEE, SESSION),
                new AccrualEvent.AttendanceRecorded(joined("09:00"), Fixtures.ENDS));
        for (int i = 1; i <= 5; i++) {
            accruals().put(CreditStores.accrualKey(SESSION, "lic-" + i), old);
        }
        retained().put(SESSION, Fixtures.ENDS.toEpochMilli());

        checkAt(Fixtures.ENDS.plus(RETENTION));
        assertThat(accrualsOf(SESSION)).as("two deleted, then the check stopped").isEqualTo(3);
        assertThat(retained().get(SESSION)).isNotNull();
        passTime(Duration.ofSeconds(5));
        assertThat(accrualsOf(SESSION)).isEqualTo(1);
        passTime(Duration.ofSeconds(5));
        assertThat(accrualsOf(SESSION)).isZero();
        assertThat(retained().get(SESSION)).isNull();
        try (var bookkeeping = retained().prefixScan("\u0000", new StringSerializer())) {
            assertThat(bookkeeping).toIterable().as("no position left to continue from").isEmpty();
        }
    }

    @Test
    void aSessionDeletedAndThenRescheduledGetsItsRetentionEntryAgainWhenAReleasedEventCreditsIt() {
        // lic-2's events wait for the profile; the licensee processor credits them and records sess-1.
        attend(by("lic-2", joined("09:00")), by("lic-2", left("12:00")));
        profile(newcomer("lic-2"));
        assertThat(retained().get(SESSION)).isNotNull();
        checkAt(Fixtures.ENDS.plus(RETENTION)); // the attendance processor deletes sess-1's accruals and entry
        assertThat(retained().get(SESSION)).isNull();

        // The provider moves the session to today, so it is within the retention again, and lic-3's events
        // are released by the licensee processor as well.
        Instant starts = Fixtures.ENDS.plus(RETENTION).minus(Duration.ofHours(3));
        SessionDefinition was = Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET);
        sessions.pipeInput(SESSION, CatalogMapper.toAvro(new SessionDefinition(SESSION, was.courseId(), was.providerId(),
                was.title(), was.format(), starts, starts.plus(Duration.ofHours(3)).minusSeconds(60), was.timeZone(),
                was.breaks(), was.creditHours(), was.categories(), was.approvals(), was.passingScore(), null, null, List.of()), clock.instant()));
        Attendance join = by("lic-3", joined("09:00"));
        attend(new Attendance(join.eventId(), SESSION, "lic-3", join.type(), starts, null, null));
        profile(newcomer("lic-3"));

        assertThat(accruals().get(CreditStores.accrualKey(SESSION, "lic-3"))).isNotNull();
        assertThat(retained().get(SESSION)).as("written again, so these accruals are deleted in time too").isNotNull();
        assertThat(rejections.isEmpty()).isTrue();
    }

    private static Attendance by(String licenseeId, Attendance event) {
        return new Attendance(event.eventId(), event.sessionId(), licenseeId, event.type(), event.occurredAt(),
                event.score(), event.connectionId());
    }

    private static Licensee newcomer(String licenseeId) {
        return new Licensee(licenseeId, "Grace", "Hopper", licenseeId + "@example.org",
                List.of(Fixtures.license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false)));
    }

    private int accrualsOf(String sessionId) {
        try (var it = accruals().prefixScan(sessionId + CreditStores.SEPARATOR, new StringSerializer())) {
            int count = 0;
            for (; it.hasNext(); it.next()) {
                count++;
            }
            return count;
        }
    }
}
