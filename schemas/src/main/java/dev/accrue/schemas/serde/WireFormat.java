package dev.accrue.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema's 4-byte big-endian global id, then the
 * Avro binary encoding of the value. Any Confluent-compatible consumer can read what we write.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    /** Reads and checks the header, leaving the buffer positioned at the Avro payload. */
    public static int readSchemaId(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new SerializationException("Record of " + buffer.remaining()
                    + " bytes is too short for the Confluent wire format (5-byte header)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + magic + "; expected the Confluent wire format (0)");
        }
        return buffer.getInt();
    }

    private WireFormat() {
    }
}
