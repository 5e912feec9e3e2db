package dev.accrue.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded fuzzing for the body readers: a fixed master seed (override with -Daccrue.fuzz.seed=N to
 * explore, or to replay a failure), one derived seed per case, and the edits a fuzzer makes to a
 * valid document. A failing case names the master seed, the case and its input, so it can be run
 * again exactly.
 */
public final class Fuzz {

    public static final long SEED = Long.getLong("accrue.fuzz.seed", 20_250_301L);

    /** Byte sequences that are never UTF-8, wherever they are inserted. */
    private static final byte[][] NEVER_UTF8 = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    /** Byte sequences that are not UTF-8 on their own, but may complete or break a neighbour. */
    private static final byte[][] BROKEN_UTF8 = {{(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}};
    private static final String SYNTAX = "{}[],:\"\\\r\n\t =+-@;'0e.";
    private static final List<String> UNICODE = List.of("é", "😀", "\u2028", "\u00A0", "\uFEFF", "中", "\u0000", "\u001F");

    /** Runs {@code cases} cases, each with its own Random; a failure names the seed and the case. */
    public static void cases(String name, int cases, Consumer<Random> test) {
        Random master = new Random(SEED);
        for (int i = 0; i < cases; i++) {
            long seed = master.nextLong();
            try {
                test.accept(new Random(seed));
            } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError(name + ": case " + i + " of master seed " + SEED + " (case seed " + seed
                        + ") failed: " + e.getMessage(), e);
            }
        }
    }

    /** One to four random edits of a document. */
    public static byte[] mutate(byte[] document, Random random) {
        byte[] bytes = document;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            bytes = edit(bytes, random);
        }
        return bytes;
    }

    /** Bytes of any value, sometimes only from the characters that matter to JSON and CSV syntax. */
    public static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()));
            }
        }
        return bytes;
    }

    /** Inserts a byte sequence that is invalid UTF-8 whatever surrounds it. */
    public static byte[] insertNeverUtf8(byte[] bytes, Random random) {
        return insert(bytes, random.nextInt(bytes.length + 1), NEVER_UTF8[random.nextInt(NEVER_UTF8.length)]);
    }

    /** The input of a failing case, printable and short enough for a message. */
    public static String describe(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + " bytes: ");
        for (int i = 0; i < text.length() && i < 600; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.append(text.length() > 600 ? "..." : "").toString();
    }

    private static byte[] edit(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length + 1);
        return switch (random.nextInt(14)) {
            case 0 -> bytes.length == 0 ? bytes : flipBit(bytes, random);
            case 1 -> insert(bytes, at, new byte[] {(byte) random.nextInt(256)});
            case 2 -> delete(bytes, at, 1 + random.nextInt(8));
            case 3 -> java.util.Arrays.copyOf(bytes, at);
            case 4 -> duplicateLine(bytes, at);
            case 5 -> insert(bytes, at, "\"".getBytes(StandardCharsets.UTF_8));
            case 6 -> insert(bytes, at, "\uFEFF".getBytes(StandardCharsets.UTF_8));
            case 7 -> insert(bytes, at, new byte[] {0});
            case 8 -> insert(bytes, at, List.of("\r", "\n", "\r\n", "\n\r", "\r\r\n").get(random.nextInt(5)).getBytes(StandardCharsets.UTF_8));
            case 9 -> insert(bytes, at, random.nextBoolean() ? NEVER_UTF8[random.nextInt(NEVER_UTF8.length)]
                    : BROKEN_UTF8[random.nextInt(BROKEN_UTF8.length)]);
            case 10 -> insert(bytes, at, "x".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 5_000 : 300))
                    .getBytes(StandardCharsets.UTF_8));
            case 11 -> insert(bytes, at, nesting(random).getBytes(StandardCharsets.UTF_8));
            case 12 -> insert(bytes, at, String.valueOf(SYNTAX.charAt(random.nextInt(SYNTAX.length()))).getBytes(StandardCharsets.UTF_8));
            default -> insert(bytes, at, UNICODE.get(random.nextInt(UNICODE.size())).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static String nesting(Random random) {
        int depth = 1 + random.nextInt(80);
        return switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(random.nextInt(depth + 1));
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(random.nextInt(depth + 1));
            default -> "9".repeat(depth * 3) + "e" + random.nextInt(999);
        };
    }

    private static byte[] flipBit(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] bytes, int at, int count) {
        int end = Math.min(bytes.length, at + count);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, at);
        out.write(bytes, end, bytes.length - end);
        return out.toByteArray();
    }

    /** Repeats the line around {@code at} right after itself. */
    private static byte[] duplicateLine(byte[] bytes, int at) {
        int start = at;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        int end = at;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        end = Math.min(bytes.length, end + 1);
        return insert(bytes, end, java.util.Arrays.copyOfRange(bytes, start, end));
    }

    private Fuzz() {
    }
}
