package dev.accrue.credit.kafka;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the hot local store values (read and written per attendance event): a leading format
 * byte, then the value. Format {@value #BINARY_V1} is the compact binary form of {@link StoreCodecs}
 * ({@value #BINARY_V2}: accruals as facts rather than events, which format 1 still reads);
 * a value starting with <code>'{'</code> or {@code '['} is the JSON this service wrote before, so stores and changelogs
 * written by an earlier version are still read, and each value is rewritten in binary the next time
 * it changes (unless {@link StoreWriteFormat#JSON} is set, for a rolling upgrade). A new layout gets a new
 * format byte, and readers keep the old ones.
 */
final class StoreSerde<T> implements Serde<T> {

    static final byte BINARY_V1 = 1;
    static final byte BINARY_V2 = 2;
    private static final byte JSON_OBJECT = '{';
    private static final byte JSON_ARRAY = '[';

    private final byte format;
    private final BiConsumer<BinaryWriter, T> writer;
    private final Map<Byte, Function<BinaryReader, T>> readers;
    private final Serde<T> legacy;
    private final StoreWriteFormat writes;

    /** {@code legacy} reads the JSON values of earlier versions. Writes binary format 1. */
    StoreSerde(Serde<T> legacy, BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader) {
        this(legacy, BINARY_V1, writer, Map.of(BINARY_V1, reader));
    }

    /** Writes binary {@code format}; reads each format in {@code readers} (the current one and older layouts). */
    StoreSerde(Serde<T> legacy, byte format, BiConsumer<BinaryWriter, T> writer,
               Map<Byte, Function<BinaryReader, T>> readers) {
        this(legacy, format, writer, readers, StoreWriteFormat.BINARY);
    }

    private StoreSerde(Serde<T> legacy, byte format, BiConsumer<BinaryWriter, T> writer,
                       Map<Byte, Function<BinaryReader, T>> readers, StoreWriteFormat writes) {
        this.format = format;
        this.writer = writer;
        this.readers = Map.copyOf(readers);
        this.legacy = legacy;
        this.writes = writes;
    }

    /** The same serde writing {@code format} (it reads both): JSON while instances of earlier versions may still run. */
    StoreSerde<T> writing(StoreWriteFormat format) {
        return new StoreSerde<>(legacy, this.format, writer, readers, format);
    }

    @Override
    public Serializer<T> serializer() {
        if (writes == StoreWriteFormat.JSON) {
            return legacy.serializer();
        }
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
        Deserializer<T> json = legacy.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            Function<BinaryReader, T> reader = bytes.length > 0 ? readers.get(bytes[0]) : null;
            if (reader != null) {
                BinaryReader in = new BinaryReader(bytes, 1);
                T value = reader.apply(in);
                if (!in.atEnd()) {
                    throw new SerializationException("Store value has bytes after its end");
                }
                return value;
            }
            if (bytes.length > 0 && (bytes[0] == JSON_OBJECT || bytes[0] == JSON_ARRAY)) {
                return json.deserialize(topic, bytes); // written by an earlier version
            }
            throw new SerializationException("Unknown store value format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
        };
    }
}
