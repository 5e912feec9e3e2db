package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.common.PayloadTooLargeException;
import java.io.IOException;
import java.io.Reader;

/**
 * The text of an upload, with its byte-order mark dropped, that refuses a line longer than the
 * limit (413) as soon as it is read: a CSV parser holds a whole record, so an endless line would
 * otherwise grow without bound. Knows the line it has reached, for error messages.
 */
final class LineLimitReader extends Reader {

    private final Reader in;
    private final int maxLineLength;
    private boolean started;
    private boolean lastWasCr;
    private int lineLength;
    private long line = 1;

    LineLimitReader(Reader in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (!started && n > 0) {
            started = true;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, --n);
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n' || c == '\r') {
            if (!(c == '\n' && lastWasCr)) {
                line++;
            }
            lineLength = 0;
        } else if (++lineLength > maxLineLength) {
            throw new PayloadTooLargeException("Line " + line + " of the file is longer than " + maxLineLength
                    + " characters (accrue.ingest.limits.line-length); no import has rows that long");
        }
        lastWasCr = c == '\r';
    }

    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
