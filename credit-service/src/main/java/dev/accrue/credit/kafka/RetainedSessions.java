package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualRetention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Keeps {@code retained-session-store} (live sessions with accruals in this task, and when each ended)
 * and deletes the accruals of sessions past the {@link AccrualRetention}. The store has one entry per
 * session, so the retention check scans sessions, not accruals. Accruals stored by a version that kept no
 * such entry are found once, by one scan of the accrual store, at the first check.
 */
final class RetainedSessions {

    /** Marks that the one-time scan of accruals stored before this store existed was done; never a session id. */
    static final String BACKFILLED = "\u0000backfilled";

    private final CreditStores stores;
    /** Sessions this processor instance has seen in the store already, so crediting reads it once per session. */
    private final Set<String> known = new HashSet<>();

    RetainedSessions(CreditStores stores) {
        this.stores = stores;
    }

    /** A live session that ends at {@code endsAt} has an accrual in this task now. */
    void kept(String sessionId, Instant endsAt) {
        if (known.add(sessionId) && stores.retainedSessions.get(sessionId) == null) {
            stores.retainedSessions.put(sessionId, endsAt.toEpochMilli());
        }
    }

    /**
     * Deletes the accruals and the open-session entry of every session past the retention, judged by its
     * current end when the session is still in the catalog, else by the end stored with it; returns their ids.
     */
    List<String> deleteExpired(AccrualRetention retention, Instant now) {
        backfillOnce();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = stores.retainedSessions.all()) {
            it.forEachRemaining(entry -> {
                Instant endsAt = stores.session(entry.key).map(s -> s.endsAt())
                        .orElse(entry.key.equals(BACKFILLED) ? null : Instant.ofEpochMilli(entry.value));
                if (retention.expired(endsAt, now)) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(this::delete);
        return expired;
    }

    private void delete(String sessionId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Accrual> it = stores.accruals.prefixScan(sessionId + CreditStores.SEPARATOR,
                new StringSerializer())) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(stores.accruals::delete);
        stores.openSessions.delete(sessionId);
        stores.retainedSessions.delete(sessionId);
        known.remove(sessionId);
    }

    private void backfillOnce() {
        if (stores.retainedSessions.get(BACKFILLED) != null) {
            return;
        }
        Set<String> sessions = new LinkedHashSet<>();
        try (KeyValueIterator<String, Accrual> it = stores.accruals.all()) {
            it.forEachRemaining(entry -> sessions.add(entry.key.substring(0, entry.key.indexOf(CreditStores.SEPARATOR))));
        }
        for (String sessionId : sessions) {
            stores.session(sessionId).filter(s -> !s.isSelfStudy()).ifPresent(s -> kept(sessionId, s.endsAt()));
        }
        stores.retainedSessions.put(BACKFILLED, 0L);
    }
}
