package dev.accrue.search.indexing;

import dev.accrue.search.catalog.CatalogSession;
import java.util.OptionalLong;

/**
 * Writes for the compacted sessions topic. The session's {@code updatedAt} is its external version,
 * so a replay of an older definition never replaces a newer one; a tombstone deletes the session.
 */
public final class CatalogWrites {

    public static DocumentWrite put(CatalogSession session) {
        return new DocumentWrite.Put(Indices.SESSIONS, DocumentIds.of(session.sessionId()),
                OptionalLong.of(session.updatedAt().toEpochMilli()), session);
    }

    public static DocumentWrite delete(String sessionId) {
        return new DocumentWrite.Delete(Indices.SESSIONS, DocumentIds.of(sessionId));
    }

    private CatalogWrites() {
    }
}
