package dev.accrue.ingest.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.Fuzz;
import dev.accrue.ingest.attendance.AttendanceInput;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import dev.accrue.ingest.web.ProductionJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded fuzzing of the batch reader, JSON array and NDJSON, with the service's own mapper. Whatever
 * the body, the reader either returns items (each one read or rejected on its own, indexed in order,
 * never more than the item limit) or refuses the body with 400 or 413; never any other exception,
 * which would be a 500. A valid batch, however it is spaced, escaped and line-ended, reads back whole.
 */
class BatchReaderFuzzTest {

    static final JsonMapper JSON = ProductionJson.mapper();
    static final List<String> TYPES = List.of("JOINED", "LEFT", "SELF_STUDY_COMPLETED");

    @Test
    void aValidJsonArrayReadsBackEveryItemOrIsRefusedPastTheItemLimit() {
        Fuzz.cases("valid array", 2_000, random -> {
            List<AttendanceInput> inputs = inputs(random);
            int maxItems = 1 + random.nextInt(25);
            byte[] body = array(inputs, random);

            Outcome outcome = Outcome.of(body, new BatchReader<>(JSON, maxItems, 65_536, "events", AttendanceItemReader::read)::readArray);

            if (inputs.size() > maxItems) {
                assertThat(outcome.error).as(() -> Fuzz.describe(body)).isInstanceOf(PayloadTooLargeException.class);
            } else {
                assertThat(outcome.items).as(() -> Fuzz.describe(body)).isEqualTo(parsed(inputs));
            }
        });
    }

    @Test
    void aValidNdjsonBodyReadsBackEveryLineWhateverItsLineEndsBlankLinesOrByteOrderMark() {
        Fuzz.cases("valid ndjson", 2_000, random -> {
            List<AttendanceInput> inputs = inputs(random);
            List<String> lines = new ArrayList<>();
            for (AttendanceInput input : inputs) {
                lines.add(object(input, random, " \t"));
            }
            // The limit counts the characters of a line, not its line break: sometimes exactly the longest line.
            int maxLineLength = lines.stream().mapToInt(String::length).max().orElse(0) + random.nextInt(3);
            byte[] body = ndjson(lines, random);

            Outcome outcome = Outcome.of(body, new BatchReader<>(JSON, 10_000, Math.max(1, maxLineLength), "events", AttendanceItemReader::read)::readNdjson);

            assertThat(outcome.items).as(() -> Fuzz.describe(body) + " " + outcome).isEqualTo(parsed(inputs));
        });
    }

    /** Regression: a CRLF line of exactly the limit was overlong, its CR counted (found by case seed 4988995284021196212). */
    @Test
    void aLineOfExactlyTheLineLimitIsReadWhetherItEndsWithLfOrCrlf() {
        String line = "{\"eventId\":\"e-1\"}";
        BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, 10, line.length(), "events", AttendanceItemReader::read);
        List<BatchItem<AttendanceInput>> expected = List.of(new BatchItem.Parsed<>(0, new AttendanceInput("e-1", null, null, null, null, null, null)),
                new BatchItem.Parsed<>(1, new AttendanceInput("e-1", null, null, null, null, null, null)));

        for (String body : List.of(line + "\n" + line + "\n", line + "\r\n" + line + "\r\n", line + "\r\n" + line, "\uFEFF" + line + "\r\n" + line)) {
            assertThat(reader.readNdjson(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).as(body).isEqualTo(expected);
        }
        List<BatchItem<AttendanceInput>> longer = reader.readNdjson(new ByteArrayInputStream((line + " \r\n" + line + "x").getBytes(StandardCharsets.UTF_8)));
        assertThat(longer).allSatisfy(item -> assertThat(((BatchItem.Malformed<AttendanceInput>) item).errors().get(0).message()).contains("is longer than"));
    }

    @Test
    void aMutatedJsonArrayIsReadItemByItemOrRefusedWith400Or413() {
        Fuzz.cases("mutated array", 3_000, random -> {
            byte[] body = Fuzz.mutate(array(inputs(random), random), random);
            BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, 1 + random.nextInt(25), 65_536, "events", AttendanceItemReader::read);

            check(body, reader::readArray, 25);
        });
    }

    @Test
    void aMutatedNdjsonBodyIsReadLineByLineOrRefusedWith400Or413() {
        Fuzz.cases("mutated ndjson", 3_000, random -> {
            List<String> lines = new ArrayList<>();
            for (AttendanceInput input : inputs(random)) {
                lines.add(object(input, random, " \t"));
            }
            byte[] body = Fuzz.mutate(ndjson(lines, random), random);
            int maxItems = 1 + random.nextInt(25);
            BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, maxItems, 64 + random.nextInt(400), "events", AttendanceItemReader::read);

            Outcome outcome = check(body, reader::readNdjson, maxItems);

            if (outcome.items != null) {
                assertThat(outcome.items.size()).as("at most one item per line").isLessThanOrEqualTo(lineCount(body));
            }
        });
    }

    @Test
    void randomBytesAreReadOrRefusedWith400Or413() {
        Fuzz.cases("random bytes", 3_000, random -> {
            byte[] body = Fuzz.randomBytes(random, 400);
            int maxItems = 1 + random.nextInt(10);
            BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, maxItems, 16 + random.nextInt(200), "events", AttendanceItemReader::read);

            check(random.nextBoolean() ? concat("[", body) : body, random.nextBoolean() ? reader::readArray : reader::readNdjson,
                    maxItems);
        });
    }

    /**
     * NDJSON is decoded by the JDK, so any byte sequence that is not UTF-8 refuses the body. A JSON array is decoded
     * by Jackson's byte parser, which is more lenient (jackson-core 3.1.4): it accepts overlong forms such as C0 80
     * inside strings, and drops an FF byte at a four-byte boundary inside a field name it has already seen, so
     * {@code "event\xFFId"} reads as eventId. Such an array is still read item by item or refused, never a 500.
     */
    @Test
    void bytesThatAreNeverUtf8RefuseAnNdjsonBodyAndNeverBreakAnArray() {
        Fuzz.cases("not utf-8", 1_000, random -> {
            List<AttendanceInput> inputs = inputs(random);
            List<String> lines = inputs.stream().map(input -> object(input, random, " ")).toList();
            BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, 10_000, 65_536, "events", AttendanceItemReader::read);
            byte[] array = Fuzz.insertNeverUtf8(array(inputs, random), random);
            byte[] ndjson = Fuzz.insertNeverUtf8(ndjson(lines, random), random);

            check(array, reader::readArray, 10_000);
            assertThat(Outcome.of(ndjson, reader::readNdjson).error).as(() -> Fuzz.describe(ndjson))
                    .isInstanceOf(MalformedInputException.class).hasMessageContaining("not valid UTF-8");
        });
    }

    @Test
    void nestingPastTheLimitRejectsTheArrayOrOnlyItsNdjsonLineAndNeverOverflowsTheStack() {
        Fuzz.cases("deep nesting", 500, random -> {
            int depth = ProductionJson.maxNesting() + 1 + random.nextInt(5_000);
            String deep = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            String item = "{\"eventId\":\"e-1\",\"colour\":" + deep + "}";
            BatchReader<AttendanceInput> reader = new BatchReader<>(JSON, 10, 1_000_000, "events", AttendanceItemReader::read);

            Outcome array = Outcome.of(("[" + item + "]").getBytes(StandardCharsets.UTF_8), reader::readArray);
            Outcome ndjson = Outcome.of((item + "\n{}\n").getBytes(StandardCharsets.UTF_8), reader::readNdjson);

            assertThat(array.error).isInstanceOf(MalformedInputException.class).hasMessageContaining("exceeds a JSON limit");
            assertThat(ndjson.items).hasSize(2);
            assertThat(ndjson.items.get(0)).isInstanceOf(BatchItem.Malformed.class);
        });
    }

    /** The user-visible contract for any body: items in order within the limit, or a 400/413 refusal. */
    private static Outcome check(byte[] body, Function<ByteArrayInputStream, List<BatchItem<AttendanceInput>>> read, int maxItems) {
        Outcome outcome = Outcome.of(body, read);
        java.util.function.Supplier<String> input = () -> Fuzz.describe(body);
        if (outcome.error != null) {
            assertThat(outcome.error).as(input).isInstanceOfAny(MalformedInputException.class, PayloadTooLargeException.class);
            assertThat(outcome.error.getMessage()).as(input).isNotBlank();
            return outcome;
        }
        assertThat(outcome.items).as(input).hasSizeLessThanOrEqualTo(maxItems);
        for (int i = 0; i < outcome.items.size(); i++) {
            BatchItem<AttendanceInput> item = outcome.items.get(i);
            assertThat(item.index()).as(input).isEqualTo(i);
            if (item instanceof BatchItem.Malformed<AttendanceInput> malformed) {
                assertThat(malformed.errors()).as(input).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.field() != null && e.message() != null && !e.message().isBlank()).isTrue());
            } else {
                assertThat(((BatchItem.Parsed<AttendanceInput>) item).input()).as(input).isNotNull();
            }
        }
        return outcome;
    }

    /** Either the items or the exception, whatever it is (an Error too), so a test can say what was wrong. */
    record Outcome(List<BatchItem<AttendanceInput>> items, Throwable error) {

        static Outcome of(byte[] body, Function<ByteArrayInputStream, List<BatchItem<AttendanceInput>>> read) {
            try {
                return new Outcome(read.apply(new ByteArrayInputStream(body)), null);
            } catch (MalformedInputException | PayloadTooLargeException e) {
                return new Outcome(null, e);
            } catch (Throwable e) {
                throw new AssertionError("unexpected " + e + " for " + Fuzz.describe(body), e);
            }
        }
    }

    static List<AttendanceInput> inputs(Random random) {
        List<AttendanceInput> inputs = new ArrayList<>();
        int count = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            inputs.add(new AttendanceInput(maybe(random, text(random)), maybe(random, text(random)), maybe(random, text(random)),
                    maybe(random, TYPES.get(random.nextInt(TYPES.size()))), maybe(random, "2025-03-01T09:00:0" + random.nextInt(10) + "Z"),
                    maybe(random, random.nextInt(10_001) / 100.0), maybe(random, text(random))));
        }
        return inputs;
    }

    private static List<BatchItem<AttendanceInput>> parsed(List<AttendanceInput> inputs) {
        List<BatchItem<AttendanceInput>> items = new ArrayList<>();
        for (AttendanceInput input : inputs) {
            items.add(new BatchItem.Parsed<>(items.size(), input));
        }
        return items;
    }

    static byte[] array(List<AttendanceInput> inputs, Random random) {
        StringBuilder json = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "").append(space(random, " \n\t\r")).append('[');
        for (int i = 0; i < inputs.size(); i++) {
            json.append(i == 0 ? "" : ",").append(space(random, " \n\t\r")).append(object(inputs.get(i), random, " \n\t\r"));
        }
        return json.append(space(random, " \n\t\r")).append(']').append(space(random, " \n\t\r")).toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ndjson(List<String> lines, Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
        for (String line : lines) {
            while (random.nextInt(6) == 0) {
                text.append(space(random, " \t")).append(random.nextBoolean() ? "\n" : "\r\n");
            }
            text.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        if (!lines.isEmpty() && random.nextInt(4) == 0) {
            text.setLength(text.length() - (text.charAt(text.length() - 2) == '\r' ? 2 : 1)); // no break after the last line
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event as a JSON object: fields in any order, absent ones sometimes written as null, strings escaped any way JSON allows. */
    static String object(AttendanceInput input, Random random, String spaces) {
        List<String> fields = new ArrayList<>();
        field(fields, "eventId", input.eventId(), random);
        field(fields, "sessionId", input.sessionId(), random);
        field(fields, "licenseeId", input.licenseeId(), random);
        field(fields, "type", input.type(), random);
        field(fields, "occurredAt", input.occurredAt(), random);
        field(fields, "connectionId", input.connectionId(), random);
        if (input.score() != null) {
            fields.add("\"score\":" + space(random, spaces) + input.score());
        } else if (random.nextInt(3) == 0) {
            fields.add("\"score\":null");
        }
        Collections.shuffle(fields, random);
        return "{" + space(random, spaces) + String.join("," + space(random, spaces), fields) + space(random, spaces) + "}";
    }

    private static void field(List<String> fields, String name, String value, Random random) {
        if (value != null) {
            fields.add("\"" + name + "\":" + quote(value, random));
        } else if (random.nextInt(3) == 0) {
            fields.add("\"" + name + "\":null");
        }
    }

    private static String quote(String value, Random random) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || (c > 0x7E && random.nextBoolean())) {
                for (char half : Character.toChars(c)) { // a pair is escaped as two \\u escapes
                    out.append(String.format("\\u%04x", (int) half));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /** Ids mostly, sometimes text with quotes, backslashes, controls and characters outside ASCII. */
    private static String text(Random random) {
        String alphabet = random.nextInt(4) == 0 ? "ab\"\\/\n\t\u0000é😀\u2028中 ,:{}[]" : "abcxyz0189.-_:";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(30); i >= 0; i--) {
            int at = random.nextInt(alphabet.length());
            text.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2)
                    : Character.isLowSurrogate(alphabet.charAt(at)) ? "x" : String.valueOf(alphabet.charAt(at)));
        }
        return text.toString();
    }

    private static <T> T maybe(Random random, T value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    private static String space(Random random, String spaces) {
        return random.nextInt(3) == 0 ? String.valueOf(spaces.charAt(random.nextInt(spaces.length()))).repeat(1 + random.nextInt(3)) : "";
    }

    private static int lineCount(byte[] body) {
        int lines = 1;
        for (byte b : body) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(h, h.length + tail.length);
        System.arraycopy(tail, 0, out, h.length, tail.length);
        return out;
    }
}
