package dev.accrue.search.indexing.kafka;

import dev.accrue.search.catalog.CatalogSession;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions this instance has read from Kafka but not finished writing yet, shared by its consumers.
 * Attendance read meanwhile by another consumer is denormalised from here, as it would be from a
 * session in its own batch, instead of being indexed pending and rewritten once the session is in.
 * An entry leaves when the batch that read it is finished (the index has it then) or dropped.
 */
final class SessionsInFlight {

    private final Map<String, CatalogSession> sessions = new ConcurrentHashMap<>();

    /** Keeps the newest definition of each session read. */
    void add(CatalogSession session) {
        sessions.merge(session.sessionId(), session, (held, read) -> newer(read, held) ? read : held);
    }

    /** A session deleted in a batch is no longer served from here. */
    void remove(String sessionId) {
        sessions.remove(sessionId);
    }

    /** Forgets the sessions a finished or dropped batch read, unless a newer definition was read since. */
    void release(Collection<CatalogSession> read) {
        read.forEach(s -> sessions.remove(s.sessionId(), s));
    }

    Map<String, CatalogSession> find(Collection<String> sessionIds) {
        Map<String, CatalogSession> found = new HashMap<>();
        sessionIds.forEach(id -> {
            CatalogSession session = sessions.get(id);
            if (session != null) {
                found.put(id, session);
            }
        });
        return found;
    }

    private static boolean newer(CatalogSession a, CatalogSession b) {
        return a.updatedAt() == null || b.updatedAt() == null || !a.updatedAt().isBefore(b.updatedAt());
    }
}
