package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.attendance.AttendanceType;
import dev.accrue.ingest.attendance.EventIds;
import dev.accrue.ingest.attendance.ImportRow;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.attendance.RowProblem;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Zoom participant report (Reports, Usage, Participants, Export), with or without the meeting-data
 * preamble, so providers can import what Zoom gives them as it is. Each participant row becomes a JOINED and
 * a LEFT event of one connection; a waiting-room row is reported, not imported. Zoom writes local times
 * without an offset, in the report's time zone: the session's unless the caller names another. See
 * ingest-service/README.md, "CSV imports".
 */
public final class ZoomParticipantReport {

    // Names as Header.normalize makes them: older and newer exports differ in case. The webinar attendee report's
    // names (Email, Time in Session) are accepted too.
    static final List<String> EMAIL = List.of("user email", "email", "attendee email");
    static final List<String> NAME = List.of("name (original name)", "user name (original name)", "name", "user name");
    static final List<String> JOIN = List.of("join time");
    static final List<String> LEAVE = List.of("leave time");
    static final List<String> WAITING_ROOM = List.of("in waiting room");

    /** The layouts Zoom has used for Join and Leave Time, in the report owner's locale (US formats here). */
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            pattern("M/d/yyyy h:mm:ss a"), pattern("M/d/yyyy h:mm a"), pattern("M/d/yyyy H:mm:ss"),
            pattern("M/d/yyyy H:mm"), pattern("yyyy-MM-dd H:mm:ss"), pattern("yyyy-MM-dd h:mm:ss a"),
            pattern("MMM d, yyyy h:mm:ss a"), pattern("MMM d, yyyy H:mm:ss"));

    /**
     * Reads the rows as they stream in, and stops at the first participant row past {@code maxRows} (413). Rows
     * before the first row that names both Join Time and Leave Time are the preamble that "Export with meeting
     * data" puts first, and are skipped:
     * <pre>
     * Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
     * 812 3456 7890,Ethics for Therapists,03/01/2025 08:55:03 AM,03/01/2025 12:05:40 PM,host@acme.org,191,3
     *
     * Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room
     * Jane Doe,jane.doe@example.org,03/01/2025 08:58:12 AM,03/01/2025 10:15:40 AM,78,No,No
     * </pre>
     *
     * @param zone the report's time zone, for its local times
     */
    public static ParsedImport parse(Iterable<CsvDocument.Line> lines, ZoneId zone, int maxRows) {
        Header header = null;
        int dataRows = 0;
        List<ImportRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (CsvDocument.Line line : lines) {
            if (isHeader(line)) {
                header = header(line);
            } else if (header != null && !line.isBlank()) {
                dataRows++;
                ImportLimits.requireAtMost(dataRows, maxRows);
                participant(header, line, zone, rows, problems);
            }
        }
        if (header == null) {
            throw new InvalidInputException(List.of(new FieldError("file", "is not a Zoom participant report: no header row"
                    + " names both Join Time and Leave Time (export it from Reports, Usage, Participants)")));
        }
        return new ParsedImport(dataRows, rows, problems);
    }

    private static boolean isHeader(CsvDocument.Line line) {
        List<String> names = line.cells().stream().map(Header::normalize).toList();
        return names.containsAll(JOIN) && names.containsAll(LEAVE);
    }

    private static Header header(CsvDocument.Line line) {
        Header header = new Header(line);
        if (header.find(EMAIL).isEmpty()) {
            throw new InvalidInputException("The Zoom report on line " + line.number() + " has no email column",
                    List.of(new FieldError("header", "needs a User Email column to match participants to licensees;"
                            + " Zoom includes it when participants sign in")));
        }
        return header;
    }

    private static void participant(Header header, CsvDocument.Line row, ZoneId zone, List<ImportRow> rows,
                                    List<RowProblem> problems) {
        String email = Header.cell(row, header.find(EMAIL).orElse(null));
        String name = Header.cell(row, header.find(NAME).orElse(null));
        String join = Header.cell(row, header.find(JOIN).orElse(null));
        String leave = Header.cell(row, header.find(LEAVE).orElse(null));
        // Zoom lists time in the waiting room as its own row (In Waiting Room = Yes): that is not attendance, and
        // counting it would earn credit for someone never admitted, or hide a late arrival.
        if (Header.cell(row, header.find(WAITING_ROOM).orElse(null)).equalsIgnoreCase("yes")) {
            problems.add(new RowProblem(row.number(), RowProblem.Kind.INVALID, "participant '" + RosterCsv.abbreviate(name)
                    + "' was in the waiting room (In Waiting Room = Yes); time there is not attendance"));
            return;
        }
        if (email.isEmpty()) {
            problems.add(new RowProblem(row.number(), RowProblem.Kind.UNMATCHED, "participant '" + RosterCsv.abbreviate(name)
                    + "' has no User Email; guests who do not sign in cannot be matched to a licensee"));
            return;
        }
        Optional<Instant> joinedAt = instant(join, zone);
        Optional<Instant> leftAt = instant(leave, zone);
        if (joinedAt.isEmpty() || leftAt.isEmpty()) {
            String bad = joinedAt.isEmpty() ? "Join Time '" + RosterCsv.abbreviate(join) + "'"
                    : "Leave Time '" + RosterCsv.abbreviate(leave) + "'";
            problems.add(new RowProblem(row.number(), RowProblem.Kind.UNPARSEABLE, bad
                    + " is not a Zoom time such as 03/01/2025 08:58:12 AM"));
            return;
        }
        if (leftAt.get().isBefore(joinedAt.get())) {
            problems.add(new RowProblem(row.number(), RowProblem.Kind.INVALID, "Leave Time " + leave
                    + " is before Join Time " + join));
            return;
        }
        // One connection per row, its id derived from the participant's email and both times, so a re-import gives the
        // same ids; someone who reconnects or joins on a second device has several rows, and each becomes its own pair.
        String connectionId = EventIds.connection(email, joinedAt.get(), leftAt.get());
        rows.add(new ImportRow(row.number(), null, email, AttendanceType.JOINED, joinedAt.get(), null, null, connectionId));
        rows.add(new ImportRow(row.number(), null, email, AttendanceType.LEFT, leftAt.get(), null, null, connectionId));
    }

    /** A Zoom time: local in the report's zone, or (in API-made files) ISO-8601 with an offset. */
    static Optional<Instant> instant(String value, ZoneId zone) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notIso) {
            for (DateTimeFormatter format : LOCAL_FORMATS) {
                try {
                    return Optional.of(LocalDateTime.parse(value, format).atZone(zone).toInstant());
                } catch (DateTimeParseException e) {
                    // try the next layout
                }
            }
            return Optional.empty();
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
    }

    private ZoomParticipantReport() {
    }
}
