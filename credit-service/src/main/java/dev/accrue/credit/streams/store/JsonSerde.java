package dev.accrue.credit.streams.store;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the domain state kept in local stores (never for topics other services read:
 * those are Avro). Domain records serialize through their components, so the domain stays free
 * of annotations.
 */
public final class JsonSerde<T> implements Serde<T> {

    /** Jackson's defaults, with faster reading of the ISO instants and dates it writes ({@link IsoDates}). */
    static final JsonMapper MAPPER = JsonMapper.builder().addModule(IsoDates.module()).build();

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
