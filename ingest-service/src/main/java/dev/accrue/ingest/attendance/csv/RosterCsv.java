package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.attendance.AttendanceType;
import dev.accrue.ingest.attendance.ImportRow;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.attendance.RowProblem;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Accrue's own roster format: a header row, then one attendance event per row. Columns are
 * case-insensitive and in any order: {@code type} and {@code occurredAt} (ISO-8601 with an offset), and
 * {@code licenseeId} or {@code email} (a row may fill either; licenseeId wins), are required; {@code score}
 * and {@code eventId} are optional; other columns are refused. See ingest-service/README.md, "CSV imports".
 */
public final class RosterCsv {

    static final List<String> COLUMNS = List.of("licenseeid", "email", "type", "occurredat", "score", "eventid");

    /**
     * Reads the rows as they stream in, and stops at the first row past {@code maxRows} (413). For example:
     * <pre>
     * licenseeId,email,type,occurredAt,score,eventId
     * lic-1001,,JOINED,2025-03-01T09:00:00-08:00,,
     * ,jane.doe@example.org,SELF_STUDY_COMPLETED,2025-03-02T10:00:00Z,88.5,provider-evt-17
     * </pre>
     */
    public static ParsedImport parse(Iterable<CsvDocument.Line> lines, int maxRows) {
        Header header = null;
        int dataRows = 0;
        List<ImportRow> parsed = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (CsvDocument.Line row : lines) {
            if (row.isBlank()) {
                continue;
            }
            if (header == null) {
                header = header(row);
                continue;
            }
            ImportLimits.requireAtMost(++dataRows, maxRows);
            if (row.cells().size() != header.width()) {
                problems.add(unparseable(row, "has " + row.cells().size() + " cells; the header has " + header.width()));
                continue;
            }
            try {
                parsed.add(row(header, row));
            } catch (IllegalArgumentException e) {
                problems.add(unparseable(row, e.getMessage()));
            }
        }
        if (header == null) {
            throw new InvalidInputException(List.of(new FieldError("file",
                    "is empty; a roster starts with the header row " + String.join(",", headerNames()))));
        }
        return new ParsedImport(dataRows, parsed, problems);
    }

    private static Header header(CsvDocument.Line first) {
        Header header = new Header(first);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.cells().size(); i++) {
            String name = Header.normalize(first.cells().get(i));
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("header column " + (i + 1), "'" + first.cells().get(i)
                        + "' is not a roster column; use " + String.join(", ", headerNames())));
            } else if (!seen.add(name)) {
                errors.add(new FieldError("header column " + (i + 1), "repeats column '" + first.cells().get(i) + "'"));
            }
        }
        for (String required : List.of("type", "occurredat")) {
            if (!header.has(required)) {
                errors.add(new FieldError("header", "needs the column " + headerNames().get(COLUMNS.indexOf(required))));
            }
        }
        if (!header.has("licenseeid") && !header.has("email")) {
            errors.add(new FieldError("header", "needs a licenseeId or an email column"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The roster header on line " + first.number() + " is not valid", errors);
        }
        return header;
    }

    private static ImportRow row(Header header, CsvDocument.Line row) {
        String licenseeId = Header.cell(row, header.find(List.of("licenseeid")).orElse(null));
        String email = Header.cell(row, header.find(List.of("email")).orElse(null));
        if (licenseeId.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("needs a licenseeId or an email");
        }
        AttendanceType type = type(Header.cell(row, header.find(List.of("type")).orElseThrow()));
        String occurredAt = Header.cell(row, header.find(List.of("occurredat")).orElseThrow());
        String score = Header.cell(row, header.find(List.of("score")).orElse(null));
        // An empty eventId is derived from the row's content (EventIds.derive), so re-importing creates no duplicates.
        String eventId = Header.cell(row, header.find(List.of("eventid")).orElse(null));
        return new ImportRow(row.number(), licenseeId.isEmpty() ? null : licenseeId, email.isEmpty() ? null : email,
                type, instant(occurredAt), score.isEmpty() ? null : number(score), eventId.isEmpty() ? null : eventId, null);
    }

    private static AttendanceType type(String value) {
        try {
            return AttendanceType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type '" + abbreviate(value) + "' is not one of JOINED, LEFT, SELF_STUDY_COMPLETED");
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt '" + abbreviate(value)
                    + "' is not an ISO-8601 timestamp with an offset, e.g. 2025-03-01T09:00:00-08:00");
        }
    }

    private static Double number(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score '" + abbreviate(value) + "' is not a number");
        }
    }

    private static RowProblem unparseable(CsvDocument.Line row, String detail) {
        return new RowProblem(row.number(), RowProblem.Kind.UNPARSEABLE, detail);
    }

    static String abbreviate(String value) {
        return Checks.abbreviate(value);
    }

    private static List<String> headerNames() {
        return List.of("licenseeId", "email", "type", "occurredAt", "score", "eventId");
    }

    private RosterCsv() {
    }
}
