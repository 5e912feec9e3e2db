package dev.accrue.reliability;

import dev.accrue.bench.BenchKafka;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as a consumer with read_committed isolation sees it: only what was committed.
 * Values are decoded one by one, so the poison records a scenario wrote are skipped, not fatal.
 */
final class Topics {

    static <T extends SpecificRecord> List<T> readAll(Rig rig, String topic, Class<T> type) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.context.endpoints().kafkaBootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(
                Map.of("schema.registry.url", rig.context.endpoints().schemaRegistryUrl()), type);
        List<T> decoded = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = rig.kafka.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end is the last stable offset: nothing past an open transaction.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        decoded.add(values.deserialize(topic, record.value()));
                    } catch (SerializationException e) { // a registry lookup failure is one too
                        // A poison record (PoisonRecords writes them on purpose): not an event.
                    }
                }
            }
        }
        return decoded;
    }

    /** How many times each event id of the session is on {@code accrue.attendance}. */
    static Map<String, Long> attendanceCounts(Rig rig, String sessionId) {
        return readAll(rig, BenchKafka.ATTENDANCE, AttendanceEvent.class).stream()
                .filter(e -> e.getSessionId().equals(sessionId))
                .collect(Collectors.groupingBy(AttendanceEvent::getEventId, Collectors.counting()));
    }

    private Topics() {
    }
}
