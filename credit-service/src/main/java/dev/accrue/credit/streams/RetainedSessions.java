package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualRetention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@code retained-session-store} (live sessions with accruals in this task, and when each ended)
 * and deletes the accruals of sessions past the {@link AccrualRetention}. The store has one entry per
 * session, so the retention check scans sessions, not accruals.
 * <p>
 * A check runs inside one exactly-once transaction, which aborts (and fences the task) if it outlasts
 * {@code transaction.timeout.ms}; so each call does at most {@code limit} units of each kind of work (sessions
 * scanned, accrual keys deleted) and stores where it stopped, under a key starting with NUL (never a
 * session id), so the next call, even after a restart, continues there.
 * Accruals are only ever read for their keys: values are never decoded, and deletes write tombstones by key.
 */
final class RetainedSessions {

    /** Prefix of the key holding where the unfinished retention check continues (the session id follows). */
    static final String CHECK_FROM = "\u0000check-from\u0000";
    /** Lower bound of session ids in the store: the bookkeeping keys above sort before it. */
    private static final String FIRST_SESSION = "\u0001";
    /** Sorts after every accrual key of a session ({@code sessionId + SEPARATOR + licenseeId}), before the next session's. */
    private static final String AFTER_SESSION = "\u0001";

    /** What one call did: the sessions whose accruals are all gone now, and whether the check got to the end. */
    record Run(List<String> deleted, boolean finished) {
    }

    private final CreditStores stores;

    RetainedSessions(CreditStores stores) {
        this.stores = stores;
    }

    /** A live session that ends at {@code endsAt} has an accrual in this task now. */
    void kept(String sessionId, Instant endsAt) {
        // A store read per credited event, cached by the store: a per-processor copy went stale across the two
        // processors of a task (one deleted a session, the other skipped writing it back).
        if (stores.retainedSessions.get(sessionId) == null) {
            stores.retainedSessions.put(sessionId, endsAt.toEpochMilli());
        }
    }

    /**
     * Deletes the accruals and the open-session entry of sessions past the retention, judged by their current
     * end when still in the catalog, else by the end stored with them: at most {@code limit} sessions looked at
     * and {@code limit} accrual keys deleted per call, continuing where the last
     * call stopped.
     */
    Run deleteExpired(AccrualRetention retention, Instant now, int limit) {
        List<String> expired = new ArrayList<>();
        String resumeAt = null;
        try (KeyValueIterator<String, Long> it = stores.retainedSessions.range(
                cursor(CHECK_FROM).orElse(FIRST_SESSION), null)) {
            for (int scanned = 0; it.hasNext(); scanned++) {
                if (scanned == limit) {
                    resumeAt = it.peekNextKey();
                    break;
                }
                KeyValue<String, Long> entry = it.next();
                Instant endsAt = stores.session(entry.key).map(s -> s.endsAt()).orElse(Instant.ofEpochMilli(entry.value));
                if (retention.expired(endsAt, now)) {
                    expired.add(entry.key);
                }
            }
        }
        // Deleted after the scan, with its iterator closed: the store is not changed under an open iterator.
        List<String> deleted = new ArrayList<>();
        int budget = limit;
        for (String sessionId : expired) {
            int left = deleteAccruals(sessionId, budget);
            if (left < 0) {
                resumeAt = sessionId; // part of its accruals deleted: the next call finds it expired again and goes on
                break;
            }
            budget = left;
            stores.openSessions.put(sessionId, null);
            stores.retainedSessions.delete(sessionId);
            deleted.add(sessionId);
        }
        setCursor(CHECK_FROM, resumeAt);
        return new Run(deleted, resumeAt == null);
    }

    /** Deletes up to {@code budget} accruals of the session; returns the budget left, or -1 if some remain. */
    private int deleteAccruals(String sessionId, int budget) {
        String end = sessionId + AFTER_SESSION;
        String key = firstAccrualKey(sessionId + CreditStores.SEPARATOR, end);
        while (key != null) {
            if (budget == 0) {
                return -1;
            }
            stores.accruals.put(key, null); // a delete that does not decode the old value, as delete() would
            budget--;
            // From the key just deleted, not from the prefix: a seek past one tombstone, not past all of them so far.
            key = firstAccrualKey(key, end);
        }
        return budget;
    }

    /** The first accrual key in [from, to] (null: unbounded), read without decoding any value. */
    private String firstAccrualKey(String from, String to) {
        try (KeyValueIterator<String, Accrual> it = stores.accruals.range(from, to)) {
            return it.hasNext() ? it.peekNextKey() : null;
        }
    }

    private Optional<String> cursor(String prefix) {
        try (KeyValueIterator<String, Long> it = stores.retainedSessions.prefixScan(prefix, new StringSerializer())) {
            return it.hasNext() ? Optional.of(it.next().key.substring(prefix.length())) : Optional.empty();
        }
    }

    /** Stores where the work under {@code prefix} continues; {@code null}: it is done. */
    private void setCursor(String prefix, String sessionId) {
        Optional<String> current = cursor(prefix);
        if (current.isPresent() && current.get().equals(sessionId)) {
            return;
        }
        current.ifPresent(old -> stores.retainedSessions.delete(prefix + old));
        if (sessionId != null) {
            stores.retainedSessions.put(prefix + sessionId, 0L);
        }
    }
}
