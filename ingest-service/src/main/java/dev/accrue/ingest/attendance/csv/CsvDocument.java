package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV upload read safely and as a stream: records come one at a time with the file line each starts on,
 * and only the record being read is held, so memory does not grow with the file (blank lines cost nothing).
 * The first problem stops the reading; {@link #read} lists what is refused and why. The importers read every
 * record before they publish anything, so a problem at the end never leaves half a file published.
 */
public final class CsvDocument {

    /** One CSV record and the 1-based file line it starts on (quoted line breaks make these differ). */
    public record Line(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    // Blank lines come back as records (not skipped by the parser), so each record's line is the line after the last one.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern DASHES_ONLY = Pattern.compile("-+");

    private CsvDocument() {
    }

    /**
     * The records of a UTF-8 CSV stream, read lazily, once; blank lines are left out. Each problem stops the
     * reading where it is found:
     * <ul>
     *   <li>bytes that are not UTF-8 are refused (400); a byte-order mark, as Excel and Zoom write, is skipped;</li>
     *   <li>broken quoting (an unterminated quote, text after a closing quote) is refused with its line (400);</li>
     *   <li>a record longer than the line limit (line breaks inside quoted cells count, so a quote that never
     *       closes cannot swallow the file) is refused (413), so one record cannot fill the heap;</li>
     *   <li>a cell that starts with =, +, -, @, tab or carriage return (also after leading spaces) is refused
     *       (422): spreadsheets run such cells as formulas when the data is exported again (CSV injection).
     *       Only a cell of dashes alone, Zoom's "no value", is let through.</li>
     * </ul>
     */
    public static Iterable<Line> read(InputStream bytes, int maxLineLength) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        LineLimitReader text = new LineLimitReader(new InputStreamReader(bytes, decoder), maxLineLength);
        return () -> new Records(text);
    }

    private static final class Records implements Iterator<Line> {

        private final LineLimitReader text;
        private final Iterator<CSVRecord> records;
        private int nextLine = 1;
        private Line next;

        Records(LineLimitReader text) {
            this.text = text;
            this.records = parser(text).iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                CSVRecord record = advance();
                if (record == null) {
                    return false;
                }
                int line = nextLine;
                nextLine += 1 + lineBreaks(record.values());
                if (record.size() > 1 || !record.get(0).isEmpty()) {
                    next = new Line(line, Arrays.asList(record.values()));
                    refuseFormulas(next);
                }
            }
            return true;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }

        private CSVRecord advance() {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException | IllegalStateException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw notUtf8(text.line());
                }
                throw new MalformedInputException("The CSV cannot be read: " + describe(e)
                        + ". Quote a cell that contains commas, quotes or line breaks, and double any quote inside it (RFC 4180)");
            }
        }

        private static CSVParser parser(LineLimitReader text) {
            try {
                return CSVParser.parse(text, FORMAT);
            } catch (CharacterCodingException e) {
                throw notUtf8(text.line());
            } catch (IOException e) {
                throw new MalformedInputException("The CSV cannot be read: " + e.getMessage());
            }
        }
    }

    /** Line breaks inside quoted cells, counted as the file counts them (CRLF, LF or a lone CR). */
    static int lineBreaks(String[] cells) {
        int breaks = 0;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= cell.length() || cell.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static MalformedInputException notUtf8(long line) {
        return new MalformedInputException("The CSV is not valid UTF-8 (on line " + line + "); export it as 'CSV UTF-8'");
    }

    private static void refuseFormulas(Line line) {
        List<FieldError> errors = new ArrayList<>();
        for (int c = 0; c < line.cells().size(); c++) {
            String cell = line.cells().get(c);
            String stripped = cell.stripLeading();
            // A cell of dashes only is how Zoom writes "no value" (--): no spreadsheet runs it.
            boolean formula = !cell.isEmpty() && !DASHES_ONLY.matcher(cell).matches() && (FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
                    || (!stripped.isEmpty() && FORMULA_STARTS.indexOf(stripped.charAt(0)) >= 0));
            if (formula) {
                errors.add(new FieldError("line " + line.number() + ", column " + (c + 1),
                        "starts with '" + printable(stripped.isEmpty() ? cell.charAt(0) : stripped.charAt(0))
                                + "', which spreadsheets run as a formula; remove the leading character (CSV injection is refused)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The CSV has a cell that spreadsheets would run as a formula on line "
                    + line.number(), errors);
        }
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c);
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
