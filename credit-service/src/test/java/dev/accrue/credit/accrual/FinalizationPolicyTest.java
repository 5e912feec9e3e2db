package dev.accrue.credit.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.FinalizationPolicy.Closure;
import dev.accrue.credit.accrual.FinalizationPolicy.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a live session is final in a task: production timers (grace 30 min, quiet 5 min, settle 10 s). */
class FinalizationPolicyTest {

    static final FinalizationPolicy POLICY = new FinalizationPolicy(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Duration.ofSeconds(10));
    static final Instant ENDS = Instant.parse("2025-03-10T12:00:00Z");
    static final Instant CLOSED = Instant.parse("2025-03-10T12:05:00Z");
    static final Instant SEEN = CLOSED.plusSeconds(1);
    /** A task instance that started well before the session and has read nothing. */
    static final Progress NOTHING_READ = Progress.startedAt(ENDS.minus(Duration.ofDays(1)));

    private static Optional<FinalizeReason> closedSession(Progress progress, Instant now) {
        return POLICY.due(ENDS, ENDS, Optional.of(new Closure(CLOSED, SEEN)), progress, now);
    }

    private static Progress read(Instant publishedAt, Instant at) {
        return NOTHING_READ.after(publishedAt, at);
    }

    @Test
    void aClosedSessionIsFinalOnceTheTaskHasReadAttendancePublishedAfterTheClosure() {
        assertThat(closedSession(read(CLOSED.plusMillis(1), SEEN), SEEN)).contains(FinalizeReason.CLOSED_BY_PROVIDER);
    }

    @Test
    void attendancePublishedAtTheClosureInstantIsNotEnoughToBeCaughtUp() {
        assertThat(POLICY.caughtUp(CLOSED, read(CLOSED, SEEN))).isFalse();
        assertThat(closedSession(read(CLOSED, SEEN), SEEN)).isEmpty();
    }

    @Test
    void aClosedSessionIsNotFinalAtOnceWhenOnlyAttendancePublishedBeforeTheClosureWasRead() {
        assertThat(closedSession(read(CLOSED.minusSeconds(30), SEEN), SEEN)).isEmpty();
    }

    @Test
    void aClosedSessionIsFinalWhenNothingWasReadForTheSettlePeriodAfterTheClosureWasSeen() {
        assertThat(closedSession(NOTHING_READ, SEEN.plusSeconds(9))).isEmpty();
        assertThat(closedSession(NOTHING_READ, SEEN.plusSeconds(10))).contains(FinalizeReason.CLOSED_BY_PROVIDER);
    }

    @Test
    void theSettlePeriodRestartsWithEveryAttendanceReadWhateverItsSession() {
        Progress stillReading = read(CLOSED.minusSeconds(1), SEEN.plusSeconds(8));
        assertThat(closedSession(stillReading, SEEN.plusSeconds(17))).isEmpty();
        assertThat(closedSession(stillReading, SEEN.plusSeconds(18))).contains(FinalizeReason.CLOSED_BY_PROVIDER);
    }

    @Test
    void theSettlePeriodCountsFromWhenTheClosureWasSeenNotFromAttendanceReadBeforeIt() {
        Progress readLongAgo = read(CLOSED.minusSeconds(600), CLOSED.minusSeconds(600));
        assertThat(closedSession(readLongAgo, SEEN.plusSeconds(1))).isEmpty();
    }

    @Test
    void aClosedSessionWaitsForItsClosureRuleEvenWhenTheGraceAndQuietPeriodsAreOver() {
        Instant muchLater = ENDS.plus(Duration.ofHours(2));
        Optional<Closure> justSeen = Optional.of(new Closure(CLOSED, muchLater));
        assertThat(POLICY.due(ENDS, ENDS, justSeen, NOTHING_READ, muchLater)).isEmpty();
    }

    @Test
    void anUnclosedSessionIsFinalAfterItsEndPlusGraceOnceQuiet() {
        Instant graceOver = ENDS.plus(Duration.ofMinutes(30));
        assertThat(POLICY.due(ENDS, graceOver.minus(Duration.ofMinutes(4)), Optional.empty(), NOTHING_READ, graceOver))
                .isEmpty();
        assertThat(POLICY.due(ENDS, graceOver.minus(Duration.ofMinutes(5)), Optional.empty(), NOTHING_READ, graceOver))
                .contains(FinalizeReason.QUIET_AFTER_END);
        assertThat(POLICY.due(ENDS, ENDS, Optional.empty(), NOTHING_READ, graceOver.minusSeconds(1))).isEmpty();
    }

    @Test
    void progressKeepsTheNewestPublishTimeWhenRecordsArriveOutOfOrder() {
        Progress progress = read(CLOSED.plusSeconds(5), SEEN).after(CLOSED.minusSeconds(5), SEEN.plusSeconds(1));
        assertThat(progress.publishedUpTo()).isEqualTo(CLOSED.plusSeconds(5));
        assertThat(progress.lastProcessedAt()).isEqualTo(SEEN.plusSeconds(1));
    }

    @Test
    void afterARestartAnUnclosedSessionWaitsAQuietPeriodCountedFromTheStartOfTheTaskInstance() {
        Instant restarted = ENDS.plus(Duration.ofHours(1));
        Progress fresh = Progress.startedAt(restarted);

        assertThat(POLICY.due(ENDS, ENDS, Optional.empty(), fresh, restarted.plus(Duration.ofMinutes(5)).minusMillis(1)))
                .isEmpty();
        assertThat(POLICY.due(ENDS, ENDS, Optional.empty(), fresh, restarted.plus(Duration.ofMinutes(5))))
                .contains(FinalizeReason.QUIET_AFTER_END);
    }

    @Test
    void attendanceReadAfterTheStartStillRestartsTheQuietPeriod() {
        Instant restarted = ENDS.plus(Duration.ofHours(1));
        Instant lastArrival = restarted.plus(Duration.ofMinutes(2));

        assertThat(POLICY.due(ENDS, lastArrival, Optional.empty(), Progress.startedAt(restarted),
                restarted.plus(Duration.ofMinutes(6)))).isEmpty();
        assertThat(POLICY.due(ENDS, lastArrival, Optional.empty(), Progress.startedAt(restarted),
                lastArrival.plus(Duration.ofMinutes(5)))).contains(FinalizeReason.QUIET_AFTER_END);
    }
}
