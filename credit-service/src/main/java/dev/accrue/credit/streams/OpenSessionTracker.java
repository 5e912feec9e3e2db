package dev.accrue.credit.streams;

import dev.accrue.credit.streams.store.OpenSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@code open-session-store} up to date for the attendance processor without writing it for
 * every attendance event. A task sees the same few open sessions over and over (every attendee of a
 * webinar), and each write was a serialized value, a RocksDB put and a changelog record, half of the
 * store traffic per event. {@link #attended} says when it writes.
 */
final class OpenSessionTracker {

    /** How far the stored {@code lastAttendanceAt} may fall behind before the next attendance writes it through. */
    static final Duration WRITE_STEP = Duration.ofSeconds(1);

    private final KeyValueStore<String, OpenSession> store;
    /** What this instance last wrote per session; absent before its first write (or after the session was finalized). */
    private final Map<String, OpenSession> written = new HashMap<>();
    /** Newer values not written yet. */
    private final Map<String, OpenSession> unwritten = new HashMap<>();

    OpenSessionTracker(KeyValueStore<String, OpenSession> store) {
        this.store = store;
    }

    /**
     * Attendance for the session (ending at {@code endsAt}) was applied at {@code now}. It is written at once the
     * first time this instance sees the session, when its {@code endsAt} changes, and when the stored
     * {@code lastAttendanceAt} is {@link #WRITE_STEP} or more behind; newer attendance in between is remembered
     * and written by {@link #flush()}, which the finalization punctuator calls before it reads the store, so it
     * decides on exact times. What is not written yet is lost with the task (crash, rebalance), which costs
     * nothing: the next owner counts a session's quiet period from no earlier than its own start.
     */
    void attended(String sessionId, Instant endsAt, Instant now) {
        OpenSession open = new OpenSession(endsAt, now);
        OpenSession last = written.get(sessionId);
        if (last != null && last.endsAt().equals(endsAt) && now.isBefore(last.lastAttendanceAt().plus(WRITE_STEP))
                && !now.isBefore(last.lastAttendanceAt())) {
            unwritten.put(sessionId, open);
            return;
        }
        write(sessionId, open);
    }

    /** Writes what is remembered and not written yet, so the store holds exact times. */
    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<String, OpenSession> pending = new HashMap<>(unwritten);
        pending.forEach((sessionId, open) -> {
            // The licensee processor writes the store directly (held attendance it released): never go back in time.
            OpenSession stored = store.get(sessionId);
            if (stored != null && stored.endsAt().equals(open.endsAt())
                    && stored.lastAttendanceAt().isAfter(open.lastAttendanceAt())) {
                written.put(sessionId, stored);
                unwritten.remove(sessionId);
            } else {
                write(sessionId, open);
            }
        });
    }

    /** The session is final here and was deleted from the store. */
    void removed(String sessionId) {
        written.remove(sessionId);
        unwritten.remove(sessionId);
    }

    private void write(String sessionId, OpenSession open) {
        store.put(sessionId, open);
        written.put(sessionId, open);
        unwritten.remove(sessionId);
    }
}
