package dev.accrue.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format. Subjects follow Confluent's
 * TopicNameStrategy ({@code <topic>-value} or {@code <topic>-key}). With
 * {@code auto.register.schemas=true} (the default) the record's schema is registered; otherwise it
 * must already be registered, or with {@code use.latest.version=true} the subject's latest
 * schema is used as the writer schema.
 */
public class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistry registry;
    private RegistryConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction from {@code value.serializer}; call {@link #configure}. */
    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistry registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = RegistryConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = RegistryConfig.from(configs);
        this.registry = new HttpSchemaRegistry(config);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null; // a tombstone stays a tombstone
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema writerSchema = record.getSchema();
        int id;
        if (config.useLatestVersion()) {
            SchemaRegistry.RegisteredSchema latest = registry.latest(subject);
            id = latest.id();
            writerSchema = latest.schema();
        } else if (config.autoRegisterSchemas()) {
            id = registry.register(subject, writerSchema);
        } else {
            id = registry.lookup(subject, writerSchema);
        }
        return encode(id, writerSchema, record);
    }

    private byte[] encode(int id, Schema writerSchema, T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(writerSchema, SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + writerSchema.getFullName() + " as Avro", e);
        }
        return out.toByteArray();
    }
}
