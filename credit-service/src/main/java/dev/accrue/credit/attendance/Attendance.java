package dev.accrue.credit.attendance;

import java.time.Instant;

/**
 * One attendance fact. {@code eventId} is the provider's idempotency key; {@code score} is the
 * post-test percentage of a self-study completion and null otherwise; {@code connectionId} names the
 * connection (one device's visit) a JOINED or LEFT belongs to, null when the provider sent none.
 */
public record Attendance(String eventId, String sessionId, String licenseeId, AttendanceType type, Instant occurredAt,
                         Double score, String connectionId) {
}
