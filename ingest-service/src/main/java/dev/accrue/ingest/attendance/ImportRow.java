package dev.accrue.ingest.attendance;

import java.time.Instant;

/**
 * One attendance fact read from a CSV file, before it is matched to a licensee. A row names the
 * licensee by id, or by email (webinar reports only know emails). A Zoom participant row becomes
 * two of these, JOINED and LEFT, of one connection.
 *
 * @param line the file line the row starts on, for the report
 * @param eventId the provider's own id, or null to derive one from the content
 * @param connectionId the connection (one device's visit) of a JOINED or LEFT, or null
 */
public record ImportRow(int line, String licenseeId, String email, AttendanceType type, Instant occurredAt,
                        Double score, String eventId, String connectionId) {
}
