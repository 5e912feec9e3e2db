package dev.accrue.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams {@link Serde} for one Avro specific record type in the Confluent wire format. */
public class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private ConfluentAvroSerializer<T> serializer;
    private ConfluentAvroDeserializer<T> deserializer;

    public ConfluentAvroSerde(Class<T> type) {
        this.type = type;
    }

    /** A serde that is ready to use, configured from Confluent-style properties. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> of(Class<T> type, Map<String, ?> configs, boolean isKey) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        HttpSchemaRegistry registry = new HttpSchemaRegistry(RegistryConfig.from(configs));
        serializer = new ConfluentAvroSerializer<>(registry, configs, isKey);
        deserializer = new ConfluentAvroDeserializer<>(registry, type);
    }

    @Override
    public Serializer<T> serializer() {
        return requireConfigured(serializer);
    }

    @Override
    public Deserializer<T> deserializer() {
        return requireConfigured(deserializer);
    }

    private static <X> X requireConfigured(X part) {
        if (part == null) {
            throw new IllegalStateException("ConfluentAvroSerde must be configured before use");
        }
        return part;
    }
}
