package dev.accrue.search.analytics;

import dev.accrue.search.indexing.AttendanceDocument;
import java.util.List;

/** The columns of the attendance export and how one indexed attendance event becomes a row. */
public final class AttendanceCsv {

    public static final List<String> HEADER = List.of("eventId", "occurredAt", "type", "licenseeId", "sessionId",
            "courseId", "providerId", "title", "format", "creditHours", "categories", "bodies", "score", "source");

    public static String header() {
        return CsvCells.line(HEADER);
    }

    public static String row(AttendanceDocument d) {
        return CsvCells.line(List.of(
                CsvCells.text(d.eventId()),
                d.occurredAt() == null ? "" : d.occurredAt().toString(),
                CsvCells.text(d.type()),
                CsvCells.text(d.licenseeId()),
                CsvCells.text(d.sessionId()),
                CsvCells.text(d.courseId()),
                CsvCells.text(d.providerId()),
                CsvCells.text(d.title()),
                CsvCells.text(d.format()),
                d.creditHours() == null ? "" : String.valueOf(d.creditHours()),
                CsvCells.text(String.join(";", d.categories())),
                CsvCells.text(String.join(";", d.bodies())),
                d.score() == null ? "" : String.valueOf(d.score()),
                CsvCells.text(d.source())));
    }

    private AttendanceCsv() {
    }
}
