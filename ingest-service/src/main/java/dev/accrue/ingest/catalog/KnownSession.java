package dev.accrue.ingest.catalog;

/**
 * What this service remembers of a session to check references and ownership: who runs it, how
 * it is delivered, and the time zone CSV reports without offsets are read in.
 *
 * @param format null when the topic holds a format newer than this service knows
 * @param timeZone null for self-study
 */
public record KnownSession(String sessionId, String providerId, Format format, String timeZone) {

    public static KnownSession of(Session session) {
        return new KnownSession(session.sessionId(), session.providerId(), session.format(), session.timeZone());
    }
}
