package dev.accrue.ingest.attendance;

import java.time.Instant;
import java.util.Objects;

/** A validated attendance event. {@code eventId} is its idempotency key downstream. */
public record AttendanceEvent(String eventId, String sessionId, String licenseeId, AttendanceType type,
                              Instant occurredAt, Double score, AttendanceSource source, Instant receivedAt) {

    /** The same event whatever its source and arrival time: what decides whether two copies conflict. */
    public boolean sameFactAs(AttendanceEvent other) {
        return eventId.equals(other.eventId) && sessionId.equals(other.sessionId) && licenseeId.equals(other.licenseeId)
                && type == other.type && occurredAt.equals(other.occurredAt) && Objects.equals(score, other.score);
    }
}
