package dev.accrue.credit.streams.store;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the hot local store values (read and written per attendance event): a leading format
 * byte, then the value in the compact binary layout of {@link StoreCodecs}. The byte is there for the
 * next layout: a new layout gets a new byte, and its serde reads the old ones too. Today each store has
 * one layout, and a value with any other byte is refused.
 */
public final class StoreSerde<T> implements Serde<T> {

    static final byte BINARY_V1 = 1;
    /** Accruals as attendance facts rather than events. */
    static final byte BINARY_V2 = 2;
    /** Facts with their connections, approvals with jurisdictions, licences with supervision and attestations. */
    static final byte BINARY_V3 = 3;

    private final byte format;
    private final BiConsumer<BinaryWriter, T> writer;
    private final Function<BinaryReader, T> reader;

    /** Writes and reads binary format 1. */
    StoreSerde(BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader) {
        this(BINARY_V1, writer, reader);
    }

    StoreSerde(byte format, BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader) {
        this.format = format;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            BinaryWriter out = new BinaryWriter();
            out.writeByte(format);
            writer.accept(out, value);
            return out.toBytes();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] != format) {
                throw new SerializationException("Unknown store value format " + (bytes.length == 0 ? "(empty)" : bytes[0])
                        + "; this store reads format " + format);
            }
            BinaryReader in = new BinaryReader(bytes, 1);
            T value = reader.apply(in);
            if (!in.atEnd()) {
                throw new SerializationException("Store value has bytes after its end");
            }
            return value;
        };
    }
}
