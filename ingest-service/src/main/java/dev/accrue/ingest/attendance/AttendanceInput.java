package dev.accrue.ingest.attendance;

/** One attendance event as a client sent it, before any rule is checked. */
public record AttendanceInput(String eventId, String sessionId, String licenseeId, String type, String occurredAt,
                              Double score, String connectionId) {
}
