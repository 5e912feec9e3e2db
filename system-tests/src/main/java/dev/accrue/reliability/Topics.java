package dev.accrue.reliability;

import dev.accrue.bench.BenchKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic as a consumer with read_committed isolation sees it: only what was committed. */
final class Topics {

    static <T extends SpecificRecord> List<T> readAll(BenchKafka kafka, String topic, Class<T> type) {
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = kafka.consumer(type, true)) {
            List<TopicPartition> partitions = kafka.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end is the last stable offset: nothing past an open transaction.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }

    private Topics() {
    }
}
