package dev.accrue.ingest.attendance.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.Fuzz;
import dev.accrue.ingest.attendance.AttendanceType;
import dev.accrue.ingest.attendance.EventIds;
import dev.accrue.ingest.attendance.ImportRow;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the CSV imports, roster and Zoom, from the bytes of the upload through
 * {@link CsvDocument}. Whatever the file, the import either reads it (every data row becomes events or
 * a listed problem, within the row limit, and no line over the line limit) or refuses it with 400, 413
 * or 422; never any other exception, which would be a 500. A valid file, however it is quoted,
 * spaced and line-ended, reads back whole with the file line of each row.
 */
class CsvImportFuzzTest {

    static final List<String> ROSTER_COLUMNS = List.of("licenseeId", "email", "type", "occurredAt", "score", "eventId");
    static final List<String> BREAKS = List.of("\n", "\r\n", "\r");
    static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"));

    @Test
    void aValidRosterReadsBackEveryRowWithItsLineOrIsRefusedPastTheRowLimit() {
        Fuzz.cases("valid roster", 2_000, random -> {
            Document roster = roster(random);
            int maxRows = 1 + random.nextInt(25);

            Outcome outcome = Outcome.of(roster.bytes, bytes -> RosterCsv.parse(CsvDocument.read(bytes, 65_536), maxRows));

            if (roster.rows.size() > maxRows) {
                assertThat(outcome.error).as(roster::describe).isInstanceOf(PayloadTooLargeException.class);
            } else {
                assertThat(outcome.parsed).as(roster::describe).isEqualTo(new ParsedImport(roster.rows.size(), roster.rows, List.of()));
            }
        });
    }

    @Test
    void aValidZoomReportReadsBackAJoinedAndLeftPairPerParticipantWithItsLine() {
        Fuzz.cases("valid zoom", 1_000, random -> {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Document report = zoom(random, zone);

            Outcome outcome = Outcome.of(report.bytes, bytes -> ZoomParticipantReport.parse(CsvDocument.read(bytes, 65_536), zone, 100));

            assertThat(outcome.parsed).as(report::describe).isEqualTo(new ParsedImport(report.rows.size() / 2, report.rows, List.of()));
        });
    }

    @Test
    void aMutatedRosterIsImportedRowByRowOrRefusedWith400413Or422() {
        Fuzz.cases("mutated roster", 2_000, random -> {
            byte[] bytes = Fuzz.mutate(roster(random).bytes, random);
            int maxRows = 1 + random.nextInt(25);
            int maxLine = 40 + random.nextInt(300);

            Outcome outcome = check(bytes, in -> RosterCsv.parse(CsvDocument.read(in, maxLine), maxRows), maxRows, maxLine);

            if (outcome.parsed != null) {
                assertThat(outcome.parsed.rows().size() + outcome.parsed.problems().size()).as(() -> Fuzz.describe(bytes))
                        .isEqualTo(outcome.parsed.dataRows());
                assertThat(outcome.parsed.rows()).allSatisfy(row -> assertThat(row.licenseeId() != null || row.email() != null).isTrue());
            }
        });
    }

    @Test
    void aMutatedZoomReportIsImportedRowByRowOrRefusedWith400413Or422() {
        Fuzz.cases("mutated zoom", 2_000, random -> {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            byte[] bytes = Fuzz.mutate(zoom(random, zone).bytes, random);
            int maxRows = 1 + random.nextInt(25);
            int maxLine = 40 + random.nextInt(300);

            Outcome outcome = check(bytes, in -> ZoomParticipantReport.parse(CsvDocument.read(in, maxLine), zone, maxRows), maxRows, maxLine);

            if (outcome.parsed != null) {
                assertThat(outcome.parsed.rows()).as(() -> Fuzz.describe(bytes)).hasSize(outcome.parsed.rows().size() / 2 * 2);
                assertThat(outcome.parsed.rows().size() / 2 + outcome.parsed.problems().size()).as(() -> Fuzz.describe(bytes))
                        .isEqualTo(outcome.parsed.dataRows());
                assertThat(outcome.parsed.rows()).allSatisfy(row -> assertThat(row.email()).isNotBlank());
            }
        });
    }

    @Test
    void randomBytesAreImportedOrRefusedWith400413Or422() {
        Fuzz.cases("random bytes", 3_000, random -> {
            byte[] bytes = Fuzz.randomBytes(random, 400);
            String header = random.nextBoolean() ? "licenseeId,type,occurredAt\n" : "User Email,Join Time,Leave Time\n";
            byte[] file = random.nextBoolean() ? bytes : concat(header, bytes);
            int maxLine = 16 + random.nextInt(200);

            check(file, random.nextBoolean() ? in -> RosterCsv.parse(CsvDocument.read(in, maxLine), 10)
                    : in -> ZoomParticipantReport.parse(CsvDocument.read(in, maxLine), ZoneOffset.UTC, 10), 10, maxLine);
        });
    }

    @Test
    void bytesThatAreNeverUtf8RefuseTheFile() {
        Fuzz.cases("not utf-8", 1_000, random -> {
            byte[] roster = Fuzz.insertNeverUtf8(roster(random).bytes, random);
            byte[] zoom = Fuzz.insertNeverUtf8(zoom(random, ZoneOffset.UTC).bytes, random);

            assertThat(Outcome.of(roster, in -> RosterCsv.parse(CsvDocument.read(in, 65_536), 100)).error).as(() -> Fuzz.describe(roster))
                    .isInstanceOf(MalformedInputException.class).hasMessageContaining("not valid UTF-8");
            assertThat(Outcome.of(zoom, in -> ZoomParticipantReport.parse(CsvDocument.read(in, 65_536), ZoneOffset.UTC, 100)).error)
                    .as(() -> Fuzz.describe(zoom)).isInstanceOf(MalformedInputException.class).hasMessageContaining("not valid UTF-8");
        });
    }

    /** The user-visible contract for any file: rows within the limits, each with its line, or a 400/413/422 refusal. */
    private static Outcome check(byte[] bytes, Function<ByteArrayInputStream, ParsedImport> parse, int maxRows, int maxLine) {
        Outcome outcome = Outcome.of(bytes, parse);
        Supplier<String> input = () -> Fuzz.describe(bytes);
        if (outcome.error != null) {
            assertThat(outcome.error.getMessage()).as(input).isNotBlank();
            if (outcome.error instanceof InvalidInputException invalid) {
                assertThat(invalid.errors()).as(input).isNotEmpty();
            }
            return outcome;
        }
        ParsedImport parsed = outcome.parsed;
        assertThat(parsed.dataRows()).as(input).isBetween(0, maxRows);
        assertThat(parsed.rows()).as(input).allSatisfy(row -> {
            assertThat(row.line()).isGreaterThanOrEqualTo(2);
            assertThat(row.type()).isNotNull();
            assertThat(row.occurredAt()).isNotNull();
        });
        assertThat(parsed.problems()).as(input).allSatisfy(problem -> {
            assertThat(problem.line()).isGreaterThanOrEqualTo(2);
            assertThat(problem.kind()).isNotNull();
            assertThat(problem.detail()).isNotBlank();
        });
        assertThat(parsed.rows()).extracting(ImportRow::line).as(input).isSorted();
        // The file was read to its end, so none of its lines may be over the limit.
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String line : (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1)) {
            assertThat(line.length()).as(input).isLessThanOrEqualTo(maxLine);
        }
        return outcome;
    }

    /** Either the import or the refusal; any other exception (an Error too) fails the case. */
    record Outcome(ParsedImport parsed, RuntimeException error) {

        static Outcome of(byte[] bytes, Function<ByteArrayInputStream, ParsedImport> parse) {
            try {
                return new Outcome(parse.apply(new ByteArrayInputStream(bytes)), null);
            } catch (MalformedInputException | InvalidInputException | PayloadTooLargeException e) {
                return new Outcome(null, e);
            } catch (Throwable e) {
                throw new AssertionError("unexpected " + e + " for " + Fuzz.describe(bytes), e);
            }
        }
    }

    /** A file and the rows it should read back as. */
    record Document(byte[] bytes, List<ImportRow> rows) {

        String describe() {
            return Fuzz.describe(bytes);
        }
    }

    /** A roster: columns in any order and case, cells quoted or not, spaces around them, blank lines, any line breaks. */
    static Document roster(Random random) {
        List<String> columns = new ArrayList<>(List.of("type", "occurredAt"));
        boolean licenseeId = random.nextBoolean();
        boolean email = !licenseeId || random.nextBoolean();
        for (String optional : List.of("licenseeId", "email", "score", "eventId")) {
            if (optional.equals("licenseeId") ? licenseeId : optional.equals("email") ? email : random.nextBoolean()) {
                columns.add(optional);
            }
        }
        Collections.shuffle(columns, random);
        Writer file = new Writer(random);
        file.blankLines();
        file.row(columns.stream().map(c -> random.nextBoolean() ? c : random.nextBoolean() ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT)).toList());
        List<ImportRow> rows = new ArrayList<>();
        for (int i = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(30); i > 0; i--) {
            file.blankLines();
            boolean byId = !email || (licenseeId && random.nextBoolean());
            String id = licenseeId && (byId || random.nextBoolean()) ? text(random) : null;
            String mail = email && (!byId || random.nextBoolean()) ? text(random) + "@example.org" : null;
            AttendanceType type = AttendanceType.values()[random.nextInt(AttendanceType.values().length)];
            Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(60 * 86_400));
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(random.nextInt(25) - 12, 0);
            Double score = columns.contains("score") && random.nextBoolean() ? random.nextInt(10_001) / 100.0 : null;
            String eventId = columns.contains("eventId") && random.nextBoolean() ? text(random) : null;
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(switch (column) {
                    case "licenseeId" -> id == null ? "" : id;
                    case "email" -> mail == null ? "" : mail;
                    case "type" -> type.name();
                    case "occurredAt" -> at.atOffset(offset).toString();
                    case "score" -> score == null ? "" : score.toString();
                    default -> eventId == null ? "" : eventId;
                });
            }
            rows.add(new ImportRow(file.row(cells), id, mail, type, at, score, eventId, null));
        }
        return new Document(file.bytes(), rows);
    }

    private static final List<String> ZOOM_FORMATS = List.of("M/d/yyyy h:mm:ss a", "M/d/yyyy h:mm a", "M/d/yyyy H:mm:ss",
            "M/d/yyyy H:mm", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd h:mm:ss a", "MMM d, yyyy h:mm:ss a", "MMM d, yyyy H:mm:ss");

    /** A Zoom participant report, with or without the meeting preamble, in any of the time layouts Zoom has used. */
    static Document zoom(Random random, ZoneId zone) {
        Writer file = new Writer(random);
        if (random.nextBoolean()) {
            file.row(List.of("Meeting ID", "Topic", "Start Time", "End Time", "User Email", "Duration (Minutes)", "Participants"));
            file.row(List.of("812 3456 7890", text(random), "03/01/2025 08:55:03 AM", "03/01/2025 12:20:40 PM", "host@acme.org", "206", "3"));
            file.blankLines();
        }
        List<String> columns = new ArrayList<>(List.of(List.of("Name (Original Name)", "Name", "User Name").get(random.nextInt(3)),
                List.of("User Email", "Email", "Attendee Email").get(random.nextInt(3)), "Join Time", "Leave Time"));
        List.of("Duration (Minutes)", "Guest", "In Waiting Room").forEach(c -> {
            if (random.nextBoolean()) {
                columns.add(c);
            }
        });
        file.row(columns.stream().map(c -> random.nextBoolean() ? c : c.toLowerCase(Locale.ROOT)).toList());
        String pattern = ZOOM_FORMATS.get(random.nextInt(ZOOM_FORMATS.size()));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.US);
        List<ImportRow> rows = new ArrayList<>();
        for (int i = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(30); i > 0; i--) {
            file.blankLines();
            // January and February: no daylight-saving change between a join and its leave.
            LocalDateTime joined = LocalDateTime.parse("2025-01-01T06:00:00").plusMinutes(random.nextInt(80_000))
                    .plusSeconds(pattern.contains("ss") ? random.nextInt(60) : 0);
            LocalDateTime left = joined.plusMinutes(random.nextInt(300));
            String email = text(random) + "@example.org";
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(switch (column.toLowerCase(Locale.ROOT)) {
                    case "user email", "email", "attendee email" -> email;
                    case "join time" -> joined.format(format);
                    case "leave time" -> left.format(format);
                    case "duration (minutes)" -> String.valueOf(java.time.Duration.between(joined, left).toMinutes());
                    case "guest", "in waiting room" -> "No";
                    default -> text(random);
                });
            }
            int line = file.row(cells);
            Instant joinedAt = joined.atZone(zone).toInstant();
            Instant leftAt = left.atZone(zone).toInstant();
            String connectionId = EventIds.connection(email, joinedAt, leftAt);
            rows.add(new ImportRow(line, null, email, AttendanceType.JOINED, joinedAt, null, null, connectionId));
            rows.add(new ImportRow(line, null, email, AttendanceType.LEFT, leftAt, null, null, connectionId));
        }
        return new Document(file.bytes(), rows);
    }

    /**
     * Text that starts and ends with a letter (so it is neither trimmed nor a formula) and may hold anything
     * CSV must quote: commas, quotes, line breaks, and characters outside ASCII.
     */
    static String text(Random random) {
        StringBuilder text = new StringBuilder("a");
        String inside = random.nextInt(3) == 0 ? ",\" \n\r\t=+-@é中\u00A0;" : "bcxyz0189.-_";
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(random.nextInt(8) == 0 ? "😀" : String.valueOf(inside.charAt(random.nextInt(inside.length()))));
        }
        return text.append('z').toString();
    }

    /** Writes CSV rows as RFC 4180 allows, and counts the file lines, so each row knows the line it starts on. */
    static final class Writer {

        private final Random random;
        private final StringBuilder text;
        private int line = 1;

        Writer(Random random) {
            this.random = random;
            this.text = new StringBuilder(random.nextInt(6) == 0 ? "\uFEFF" : "");
        }

        /** Writes a row and returns the line it starts on. */
        int row(List<String> cells) {
            int start = line;
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                boolean mustQuote = cell.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
                String padded = mustQuote || random.nextInt(4) != 0 ? cell : " ".repeat(random.nextInt(2)) + cell + " ".repeat(random.nextInt(2));
                append(c == 0 ? "" : ",");
                append(mustQuote || random.nextInt(4) == 0 ? "\"" + padded.replace("\"", "\"\"") + "\"" : padded);
            }
            lineBreak();
            return start;
        }

        void blankLines() {
            while (random.nextInt(5) == 0) {
                lineBreak();
            }
        }

        byte[] bytes() {
            if (random.nextInt(4) == 0 && text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
                text.setLength(text.length() - 1); // no break after the last row (a CRLF becomes a lone CR)
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void lineBreak() {
            append(BREAKS.get(random.nextInt(BREAKS.size())));
        }

        /** Appends text, counting its line breaks as the file does (CRLF, LF or a lone CR each end a line). */
        private void append(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean crlf = c == '\n' && (i > 0 ? s.charAt(i - 1) == '\r' : text.length() > 0 && text.charAt(text.length() - 1) == '\r');
                if (c == '\r' || (c == '\n' && !crlf)) {
                    line++;
                }
                text.append(c);
            }
        }
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(h, h.length + tail.length);
        System.arraycopy(tail, 0, out, h.length, tail.length);
        return out;
    }
}
