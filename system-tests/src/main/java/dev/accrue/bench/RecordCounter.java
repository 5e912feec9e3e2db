package dev.accrue.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the committed records of a topic by reading it (end offsets alone would also count the
 * transaction markers exactly-once producers write).
 */
final class RecordCounter {

    static <T extends SpecificRecord> long count(BenchKafka kafka, String topic, Class<T> type) {
        return count(kafka, topic, type, v -> false)[0];
    }

    /** The committed records of the topic, and how many of them match the predicate. */
    static <T extends SpecificRecord> long[] count(BenchKafka kafka, String topic, Class<T> type, Predicate<T> predicate) {
        try (KafkaConsumer<String, T> consumer = kafka.consumer(type, true)) {
            List<TopicPartition> partitions = kafka.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(topic);
            long count = 0;
            long matching = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!atEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    if (record.value() != null && predicate.test(record.value())) {
                        matching++;
                    }
                }
            }
            return new long[] {count, matching};
        }
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private RecordCounter() {
    }
}
