package dev.accrue.ingest.attendance;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated attendance event. {@code eventId} is its idempotency key downstream; {@code connectionId}, when
 * given, names the connection (one device's visit) a JOINED or LEFT belongs to, which credit pairs them by.
 */
public record AttendanceEvent(String eventId, String sessionId, String licenseeId, AttendanceType type,
                              Instant occurredAt, Double score, String connectionId, AttendanceSource source,
                              Instant receivedAt) {

    /** The same event whatever its source and arrival time: what decides whether two copies conflict. */
    public boolean sameFactAs(AttendanceEvent other) {
        return eventId.equals(other.eventId) && sessionId.equals(other.sessionId) && licenseeId.equals(other.licenseeId)
                && type == other.type && occurredAt.equals(other.occurredAt) && Objects.equals(score, other.score)
                && Objects.equals(connectionId, other.connectionId);
    }
}
