package dev.accrue.search.indexing;

import java.time.Instant;

/**
 * One attendance event as read from the attendance topic (types and sources are the Avro enum symbols);
 * {@code connectionId} is the connection (one device's visit) of a JOINED or LEFT, or null.
 */
public record Attendance(String eventId, String sessionId, String licenseeId, String type, Instant occurredAt,
                         Double score, String source, Instant receivedAt, String connectionId) {

    /** Types that mean the licensee took part in the session (a LEFT only closes a visit). */
    public boolean isParticipation() {
        return "JOINED".equals(type) || "SELF_STUDY_COMPLETED".equals(type);
    }
}
