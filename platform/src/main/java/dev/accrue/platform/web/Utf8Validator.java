package dev.accrue.platform.web;

/**
 * Checks, byte by byte as a body streams in, that it is well-formed UTF-8 (Unicode table 3-7): no
 * overlong forms, no surrogates, nothing past U+10FFFF, no truncated sequence. Jackson decodes some of
 * these leniently (an overlong {@code C0 AF} becomes "/"), so a JSON body is checked here before a
 * value it smuggles reaches validation. {@code Utf8ValidatorTest} compares it with the JDK's strict decoder.
 */
final class Utf8Validator {

    private long offset;
    /** Continuation bytes still expected in the current sequence. */
    private int remaining;
    /** Bounds of the next continuation byte; only the first of a sequence is narrower than 80..BF. */
    private int low;
    private int high;

    void accept(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    void accept(int b) {
        if (remaining > 0) {
            if (b < low || b > high) {
                throw malformed();
            }
            remaining--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            start(b);
        }
        offset++;
    }

    /** The body ended: a sequence cut short is malformed too. */
    void end() {
        if (remaining > 0) {
            throw new MalformedBodyException("The request body is not valid UTF-8: it ends inside a multi-byte character");
        }
    }

    private void start(int b) {
        low = 0x80;
        high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            remaining = 2;
            if (b == 0xE0) {
                low = 0xA0; // below it, an overlong form
            } else if (b == 0xED) {
                high = 0x9F; // above it, a UTF-16 surrogate
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            remaining = 3;
            if (b == 0xF0) {
                low = 0x90; // below it, an overlong form
            } else if (b == 0xF4) {
                high = 0x8F; // above it, past U+10FFFF
            }
        } else {
            throw malformed(); // a stray continuation byte, C0, C1 or F5..FF
        }
    }

    private MalformedBodyException malformed() {
        return new MalformedBodyException("The request body is not valid UTF-8 at byte " + offset);
    }
}
