package dev.accrue.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro specific records written in the Confluent wire format. The writer schema is fetched
 * by the id in the header (and cached); the reader schema is the generated class's own, so
 * records written with older or newer compatible schemas resolve into the current class. Without
 * a target class, the class is found from the writer schema's full name, as Confluent's
 * deserializer does with {@code specific.avro.reader=true}.
 */
public class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistry registry;
    private final Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction from {@code value.deserializer}; call {@link #configure}. */
    public ConfluentAvroDeserializer() {
        this.readerSchema = null;
    }

    public ConfluentAvroDeserializer(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    public ConfluentAvroDeserializer(Map<String, ?> configs, Class<T> type) {
        this(new HttpSchemaRegistry(RegistryConfig.from(configs)), type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new HttpSchemaRegistry(RegistryConfig.from(configs));
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(buffer);
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read Avro record with schema id " + id + " from " + topic, e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.byId(id);
        Schema reader = readerSchema != null ? readerSchema : generatedSchema(writer);
        return new SpecificDatumReader<>(writer, reader);
    }

    private static Schema generatedSchema(Schema writer) {
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException("No generated class for " + writer.getFullName() + " on the classpath");
        }
        return SpecificData.get().getSchema(type);
    }
}
