package dev.accrue.credit.accrual;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a live session's credit becomes final, judged by the task that holds some of its attendance. A closure
 * alone is not enough: closures and attendance come from different topics, so the closure may be visible before
 * attendance that ingest accepted before the provider closed the session (always after a restart). {@link #due}
 * says which rules apply.
 */
public record FinalizationPolicy(Duration grace, Duration quietPeriod, Duration closureSettle) {

    public FinalizationPolicy {
        if (grace.isNegative() || quietPeriod.isNegative() || closureSettle.isNegative()) {
            throw new IllegalArgumentException("Finalization periods must not be negative");
        }
    }

    /** The provider's closure of a session, and when this task first saw it. */
    public record Closure(Instant closedAt, Instant firstSeenAt) {
    }

    /**
     * How far the task instance has got: when it started, the newest publish time of the attendance it
     * processed, and when (by the clock) it last processed any; the last two are null before the first.
     */
    public record Progress(Instant startedAt, Instant publishedUpTo, Instant lastProcessedAt) {

        /** A task instance that started at {@code startedAt} and has read nothing yet. */
        public static Progress startedAt(Instant startedAt) {
            return new Progress(startedAt, null, null);
        }

        /** The progress after processing attendance published at {@code publishedAt}, at {@code now}. */
        public Progress after(Instant publishedAt, Instant now) {
            return new Progress(startedAt,
                    publishedUpTo == null || publishedAt.isAfter(publishedUpTo) ? publishedAt : publishedUpTo, now);
        }
    }

    /**
     * Why an open session (one ending at {@code endsAt}, whose attendance last arrived at
     * {@code lastAttendanceAt}) is final now, or empty while it is not:
     *
     * <ul>
     *   <li><b>Closed, caught up:</b> the task has processed attendance published strictly after
     *       {@code closedAt}. Everything accepted before the closure was published before it, and so comes
     *       earlier in the same partition, so it has been processed too.</li>
     *   <li><b>Closed, settled:</b> the task has processed no attendance at all (for any session) for
     *       {@code closureSettle}, counted from when it first saw the closure or from the last attendance it
     *       processed, whichever is later. This is for an idle system, where nothing later arrives; while a
     *       backlog drains the timer keeps restarting.</li>
     *   <li>A closed session is finalized by those two rules only.</li>
     *   <li><b>Not closed:</b> {@code endsAt} plus {@code grace} has passed and no attendance for the session
     *       arrived for {@code quietPeriod}, counted from no earlier than the start of this task instance. The
     *       stored last arrival may be long past after a restart, while the task has not read its backlog yet;
     *       so a new instance (restart, rebalance) waits a quiet period of its own first.</li>
     * </ul>
     */
    public Optional<FinalizeReason> due(Instant endsAt, Instant lastAttendanceAt, Optional<Closure> closure,
                                        Progress progress, Instant now) {
        if (closure.isPresent()) {
            boolean done = caughtUp(closure.get().closedAt(), progress) || settled(closure.get(), progress, now);
            return done ? Optional.of(FinalizeReason.CLOSED_BY_PROVIDER) : Optional.empty();
        }
        boolean graceOver = !now.isBefore(endsAt.plus(grace));
        Instant quietSince = lastAttendanceAt.isAfter(progress.startedAt()) ? lastAttendanceAt : progress.startedAt();
        boolean quiet = !now.isBefore(quietSince.plus(quietPeriod));
        return graceOver && quiet ? Optional.of(FinalizeReason.QUIET_AFTER_END) : Optional.empty();
    }

    /** True once the task has processed attendance published after the closure. */
    public boolean caughtUp(Instant closedAt, Progress progress) {
        return progress.publishedUpTo() != null && progress.publishedUpTo().isAfter(closedAt);
    }

    private boolean settled(Closure closure, Progress progress, Instant now) {
        Instant from = progress.lastProcessedAt() != null && progress.lastProcessedAt().isAfter(closure.firstSeenAt())
                ? progress.lastProcessedAt() : closure.firstSeenAt();
        return !now.isBefore(from.plus(closureSettle));
    }
}
