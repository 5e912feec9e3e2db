package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.errors.PayloadTooLargeException;
import java.io.IOException;
import java.io.Reader;

/**
 * The text of an upload, with its byte-order mark dropped, that refuses a record longer than the
 * line limit (413) as soon as it is read: a CSV parser holds a whole record, so an endless line, or
 * a quoted cell that never closes and so spans any number of short lines, would otherwise grow
 * without bound. It follows RFC 4180 quoting to tell a record's end from a line break inside a
 * quoted cell. Knows the line it has reached, for error messages.
 */
final class LineLimitReader extends Reader {

    private final Reader in;
    private final int maxLineLength;
    private boolean started;
    private boolean lastWasCr;
    private int recordLength;
    private long line = 1;
    private long recordStart = 1;
    private boolean inQuotes;
    private boolean atCellStart = true;
    private boolean quoteJustClosed;

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
        boolean lineBreak = c == '\n' || c == '\r';
        if (lineBreak && !(c == '\n' && lastWasCr)) {
            line++;
        }
        lastWasCr = c == '\r';
        if (lineBreak && !inQuotes) {
            recordLength = 0; // the record ends here; the next starts on the next line
            recordStart = line;
            atCellStart = true;
            quoteJustClosed = false;
            return;
        }
        if (++recordLength > maxLineLength) {
            throw new PayloadTooLargeException((recordStart == line ? "Line " + line + " of the file is"
                    : "The record starting on line " + recordStart + " of the file (a quoted cell spanning lines) is")
                    + " longer than " + maxLineLength + " characters (accrue.ingest.limits.line-length); no import has rows"
                    + " that long");
        }
        followQuoting(c);
    }

    /** A quote opens a quoted cell only at the cell's start; inside one, a doubled quote stands for a quote. */
    private void followQuoting(char c) {
        if (c == '"' && inQuotes) {
            inQuotes = false;
            quoteJustClosed = true;
        } else {
            inQuotes = c == '"' && (atCellStart || quoteJustClosed) || inQuotes;
            quoteJustClosed = false;
        }
        atCellStart = c == ',' && !inQuotes;
    }

    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
