package dev.accrue.credit.kafka;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the hot local store values (read and written per attendance event): a leading format
 * byte, then the value. Format {@value #BINARY_V1} is the compact binary form of {@link StoreCodecs};
 * a value starting with <code>'{'</code> or {@code '['} is the JSON this service wrote before, so stores and changelogs
 * written by an earlier version are still read, and each value is rewritten in binary the next time
 * it changes (unless {@link StoreWriteFormat#JSON} is set, for a rolling upgrade). A new layout gets a new
 * format byte, and readers keep the old ones.
 */
final class StoreSerde<T> implements Serde<T> {

    static final byte BINARY_V1 = 1;
    private static final byte JSON_OBJECT = '{';
    private static final byte JSON_ARRAY = '[';

    private final BiConsumer<BinaryWriter, T> writer;
    private final Function<BinaryReader, T> reader;
    private final JsonSerde<T> legacy;
    private final StoreWriteFormat writes;

    /** {@code legacy} reads the JSON values of earlier versions. Writes binary. */
    StoreSerde(JsonSerde<T> legacy, BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader) {
        this(legacy, writer, reader, StoreWriteFormat.BINARY);
    }

    private StoreSerde(JsonSerde<T> legacy, BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader,
                       StoreWriteFormat writes) {
        this.writer = writer;
        this.reader = reader;
        this.legacy = legacy;
        this.writes = writes;
    }

    /** The same serde writing {@code format} (it reads both): JSON while instances of earlier versions may still run. */
    StoreSerde<T> writing(StoreWriteFormat format) {
        return new StoreSerde<>(legacy, writer, reader, format);
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
            out.writeByte(BINARY_V1);
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
            if (bytes.length > 0 && bytes[0] == BINARY_V1) {
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
