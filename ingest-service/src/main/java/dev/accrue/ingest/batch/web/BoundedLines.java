package dev.accrue.ingest.batch.web;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text stream (ended by LF, CRLF or the end), each at most {@code maxLength}
 * characters: a longer line is skipped to its end without being held, and comes back as
 * {@link #OVERLONG}, so one endless line cannot fill the heap. The limit counts the line's own
 * characters: neither the CR of a CRLF break nor a byte-order mark at the start of the stream.
 */
final class BoundedLines {

    /** Stands for a line that was longer than the limit; compared by identity. */
    static final String OVERLONG = new String("(overlong)");

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean started;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its line break, {@link #OVERLONG}, or null at the end of the stream. */
    String next() throws IOException {
        line.setLength(0);
        boolean overlong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return overlong ? OVERLONG : line.isEmpty() ? null : finish();
                }
                if (!started) {
                    started = true;
                    // A byte-order mark, as Windows editors write, is not part of the first line: counted, it made a
                    // first line of exactly the limit overlong (found by BatchReaderFuzzTest).
                    position = buffer[0] == '\uFEFF' ? 1 : 0;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!overlong) {
                // One character past the limit is held, as it may be the CR of a CRLF break, which finish() drops and
                // which is not part of the line: counted, it made a CRLF line of exactly the limit overlong (found by
                // BatchReaderFuzzTest; LF lines and CSV lines were not affected).
                if (line.length() + (position - start) - 1 > maxLength) {
                    overlong = true;
                    line.setLength(0);
                } else {
                    line.append(buffer, start, position - start);
                }
            }
            if (position < limit) {
                position++; // the '\n'
                return overlong ? OVERLONG : finish();
            }
        }
    }

    private String finish() {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end > maxLength ? OVERLONG : line.substring(0, end);
    }
}
