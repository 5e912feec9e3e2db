package dev.accrue.credit.streams;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A source value as read: the record, or the raw bytes and why they could not be read. Reading
 * never throws, so an unreadable record reaches the processor and goes to rejections with its
 * payload, instead of stopping the stream (Kafka 4.1's handlers cannot forward it anywhere).
 */
record Decoded<T>(T value, byte[] raw, String error) {

    boolean readable() {
        return error == null;
    }

    static <T> Serde<Decoded<T>> serde(Serde<T> inner) {
        Deserializer<T> reader = inner.deserializer();
        Serializer<T> writer = inner.serializer();
        Deserializer<Decoded<T>> deserializer = new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                reader.configure(configs, isKey);
            }

            @Override
            public Decoded<T> deserialize(String topic, byte[] data) {
                try {
                    return new Decoded<>(reader.deserialize(topic, data), data, null);
                } catch (RuntimeException e) {
                    return new Decoded<>(null, data, "Cannot read the record: " + e.getMessage());
                }
            }
        };
        return Serdes.serdeFrom((topic, decoded) -> decoded == null ? null : writer.serialize(topic, decoded.value()),
                deserializer);
    }
}
