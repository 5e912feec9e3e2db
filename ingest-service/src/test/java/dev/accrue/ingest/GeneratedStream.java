package dev.accrue.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large upload that is never in memory: a head, a pattern repeated, a tail, produced as they are
 * read. It counts what was read, and can run a check at the moment the last byte has been read.
 */
public final class GeneratedStream extends InputStream {

    private final byte[] head;
    private final byte[] pattern;
    private final long repeats;
    private final byte[] tail;
    private final long length;
    private final Runnable atEnd;
    private long position;

    public GeneratedStream(String head, String pattern, long repeats, String tail, Runnable atEnd) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
        this.repeats = repeats;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.length = this.head.length + this.pattern.length * repeats + this.tail.length;
        this.atEnd = atEnd;
    }

    public long bytesRead() {
        return position;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            atEnd.run();
            return -1;
        }
        int n = 0;
        while (n < count && position < length) {
            buffer[offset + n++] = byteAt(position++);
        }
        return n;
    }

    private byte byteAt(long at) {
        if (at < head.length) {
            return head[(int) at];
        }
        long inPatterns = at - head.length;
        if (inPatterns < pattern.length * repeats) {
            return pattern[(int) (inPatterns % pattern.length)];
        }
        return tail[(int) (inPatterns - pattern.length * repeats)];
    }
}
