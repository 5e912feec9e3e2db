package dev.accrue.search.indexing.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A poll batch by value: its size and where its first and last records sit. The container's error
 * handler calls the listener again with the batch that failed, and this is how the listener knows
 * it is that batch (a new poll cannot repeat a queued batch's records without a seek back, and seeks
 * back happen only at a rebalance, which empties the queue).
 */
record BatchId(int size, String firstTopic, int firstPartition, long firstOffset, String lastTopic, int lastPartition,
               long lastOffset) {

    static BatchId of(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return new BatchId(0, null, -1, -1, null, -1, -1);
        }
        ConsumerRecord<String, byte[]> first = records.get(0);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        return new BatchId(records.size(), first.topic(), first.partition(), first.offset(), last.topic(),
                last.partition(), last.offset());
    }
}
