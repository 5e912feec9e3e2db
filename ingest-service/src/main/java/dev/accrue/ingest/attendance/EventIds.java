package dev.accrue.ingest.attendance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Event ids for imported rows, derived from what the row says (session, licensee, type, instant and
 * connection), so importing the same file again, or an overlapping report, yields the same ids and
 * downstream deduplication drops the repeats; and the connection ids of Zoom participant rows. Each id
 * is a name-based UUID (version 5, SHA-1, RFC 9562) in a namespace of Accrue's own; it does not depend
 * on the file format, line number or arrival time.
 */
public final class EventIds {

    /** Fixed forever: changing it would make every re-import look new. */
    static final UUID NAMESPACE = UUID.fromString("6f0e3c8e-2d1a-5b8f-9a57-0c1d2e3f4a5b");

    public static String derive(String sessionId, String licenseeId, AttendanceType type, Instant occurredAt,
                                String connectionId) {
        String name = sessionId + '\n' + licenseeId + '\n' + type.name() + '\n' + occurredAt.toEpochMilli();
        // Without a connection, the name (and id) of earlier imports; with one, two devices joining in the same
        // instant are two events.
        return nameBased(NAMESPACE, connectionId == null ? name : name + '\n' + connectionId).toString();
    }

    /**
     * The connection of one participant row: who (the email, in lower case) and both times. A display name is left
     * out, since exports differ in how they write it; two rows alike in all three are the same visit anyway.
     */
    public static String connection(String email, Instant joinedAt, Instant leftAt) {
        String name = "connection\n" + email.toLowerCase(Locale.ROOT) + '\n' + joinedAt.toEpochMilli() + '\n'
                + leftAt.toEpochMilli();
        return nameBased(NAMESPACE, name).toString();
    }

    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private EventIds() {
    }
}
