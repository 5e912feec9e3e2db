package dev.accrue.credit.streams.store;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the local store values that are read rarely (attendance held for an unknown
 * licensee or session); the hot stores use {@link StoreSerde}, and topics other services read are Avro.
 * Domain records serialize through their components, so the domain stays free of annotations.
 */
public final class JsonSerde<T> implements Serde<T> {

    /** Jackson's defaults: instants and dates as ISO-8601 text. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(MAPPER.constructType(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(MAPPER.constructType(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type);
    }
}
