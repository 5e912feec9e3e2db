package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.common.FieldError;
import dev.accrue.ingest.common.InvalidInputException;
import dev.accrue.ingest.common.MalformedInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV upload read safely, as records with the file line each starts on. The whole file is
 * checked before anything is imported, so a problem at the end never leaves half a file published:
 * <ul>
 *   <li>bytes that are not UTF-8 are refused (400); a byte-order mark, as Excel and Zoom write, is skipped;</li>
 *   <li>broken quoting (an unterminated quote, text after a closing quote) is refused with its line (400);</li>
 *   <li>a cell that starts with =, +, -, @, tab or carriage return (also after leading spaces) is refused
 *       (422): spreadsheets run such cells as formulas when the data is exported again (CSV injection).
 *       Only a cell of dashes alone, Zoom's "no value", is let through.</li>
 * </ul>
 */
public final class CsvDocument {

    /** One CSV record and the 1-based file line it starts on (quoted line breaks make these differ). */
    public record Line(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final java.util.regex.Pattern DASHES_ONLY = java.util.regex.Pattern.compile("-+");

    private CsvDocument() {
    }

    public static List<Line> read(byte[] bytes) {
        String text = decode(bytes);
        int[] lineStarts = lineStarts(text);
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition()));
                Line parsed = new Line(line, Arrays.asList(record.values()));
                refuseFormulas(parsed);
                lines.add(parsed);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedInputException("The CSV cannot be read: " + describe(e)
                    + ". Quote a cell that contains commas, quotes or line breaks, and double any quote inside it (RFC 4180)");
        } catch (IOException e) {
            throw new MalformedInputException("The CSV cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("The CSV is not valid UTF-8 (near byte " + in.position()
                    + "); export it as 'CSV UTF-8'");
        }
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

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The parser reports where it began reading, before any blank lines it skipped; a record begins after them. */
    private static long firstCharacter(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
