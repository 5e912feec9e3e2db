package dev.accrue.platform.kafka;

import dev.accrue.schemas.serde.ConfluentAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds Confluent wire-format serdes from the Kafka client properties Spring already has
 * ({@code spring.kafka.properties.schema.registry.url} and friends), so the registry is
 * configured once, for producers, consumers and Streams alike.
 */
public final class AvroSerdes {

    private final Map<String, Object> clientProperties;

    public AvroSerdes(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
    }

    public <T extends SpecificRecord> ConfluentAvroSerde<T> valueSerde(Class<T> type) {
        return ConfluentAvroSerde.of(type, clientProperties, false);
    }

    public Map<String, Object> clientProperties() {
        return clientProperties;
    }
}
