package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.FinalizationPolicy.Closure;
import dev.accrue.credit.accrual.FinalizationPolicy.Progress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What this task's attendance processor has processed since it started, for
 * {@link dev.accrue.credit.accrual.FinalizationPolicy}: when it started, the newest publish time (record
 * timestamp) of the attendance it read, when it last read any, and when it first saw each closure. Kept in
 * memory on purpose: a task that starts (restart, rebalance) knows nothing yet, so a closure restored from
 * the global table waits until the task has read past it or the settle period has passed without
 * attendance, and an unclosed session's quiet period counts from no earlier than the start.
 */
final class TaskProgress {

    private Progress progress;
    private final Map<String, Instant> closuresSeen = new HashMap<>();

    TaskProgress(Instant startedAt) {
        progress = Progress.startedAt(startedAt);
    }

    void attendanceRead(long publishedAtMillis, Instant now) {
        progress = progress.after(Instant.ofEpochMilli(publishedAtMillis), now);
    }

    Progress progress() {
        return progress;
    }

    /** The closure of an open session, remembering when this task saw it first. */
    Closure closure(String sessionId, Instant closedAt, Instant now) {
        return new Closure(closedAt, closuresSeen.computeIfAbsent(sessionId, id -> now));
    }

    /** The session is final here: its closure need not be remembered any longer. */
    void finalized(String sessionId) {
        closuresSeen.remove(sessionId);
    }
}
