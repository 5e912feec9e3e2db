package dev.accrue.search.indexing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Document ids derived from event ids, so re-reading a topic writes the same documents again
 * instead of new ones. Elasticsearch refuses ids over 512 bytes; a provider-chosen id that long is
 * replaced by its SHA-256, which is just as stable.
 */
public final class DocumentIds {

    static final int MAX_ID_BYTES = 512;

    public static String of(String eventId) {
        byte[] bytes = eventId.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_ID_BYTES ? eventId : "sha256-" + sha256(bytes);
    }

    /** An id made of several parts, joined with a separator that cannot be confused with the parts' own text. */
    public static String of(String... parts) {
        return of(String.join("|", parts));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private DocumentIds() {
    }
}
