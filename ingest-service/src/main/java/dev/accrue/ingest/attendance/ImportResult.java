package dev.accrue.ingest.attendance;

import java.util.List;

/**
 * The answer to a CSV import.
 *
 * @param rowsRead data rows in the file
 * @param eventsAccepted distinct events stored (acknowledged by the broker)
 * @param duplicateEvents events that repeat another one of the same file and were stored once
 * @param problems rows not imported, with line numbers and reasons
 */
public record ImportResult(String sessionId, String format, int rowsRead, int eventsAccepted, int duplicateEvents,
                           List<RowProblem> problems) {
}
