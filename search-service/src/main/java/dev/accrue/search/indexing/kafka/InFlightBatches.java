package dev.accrue.search.indexing.kafka;

import dev.accrue.search.indexing.elastic.BulkWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * One consumer thread's poll batches whose writes were handed to the bulk writer, oldest first. They
 * are finished strictly in order, so offsets are acknowledged in order; after a failure every unfinished
 * batch is marked to be written again, in order, so the last write of an id stays the latest one.
 */
final class InFlightBatches {

    /** One poll batch whose writes were submitted, and whether they must be submitted again. */
    static final class Batch {
        final List<ConsumerRecord<String, byte[]>> records;
        final BatchId id;
        final BatchPlanner.Plan plan;
        final Acknowledgment ack;
        BulkWriter.Submitted submitted;
        boolean failed;

        Batch(List<ConsumerRecord<String, byte[]>> records, BatchPlanner.Plan plan, Acknowledgment ack,
              BulkWriter.Submitted submitted) {
            this.records = records;
            this.id = BatchId.of(records);
            this.plan = plan;
            this.ack = ack;
            this.submitted = submitted;
        }

        boolean isDone() {
            return !failed && submitted.isDone();
        }
    }

    /** How a batch is finished: resubmitted when it failed, awaited, dead-lettered and acknowledged. */
    @FunctionalInterface
    interface Finisher {
        void finish(Batch batch);
    }

    private final Deque<Batch> queue = new ArrayDeque<>();

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    boolean anyFailed() {
        return queue.stream().anyMatch(b -> b.failed);
    }

    /** Whether the newest batch is this one: the error handler's call again with the batch that failed. */
    boolean newestIs(BatchId id) {
        return !queue.isEmpty() && queue.peekLast().id.equals(id);
    }

    boolean contains(BatchId id) {
        return queue.stream().anyMatch(b -> b.id.equals(id));
    }

    void add(Batch batch) {
        queue.addLast(batch);
    }

    /** Finishes batches oldest first until at most {@code keep} remain (and any that are already done). */
    void finish(int keep, Finisher finisher) {
        while (!queue.isEmpty() && (queue.size() > keep || queue.peekFirst().isDone())) {
            try {
                finisher.finish(queue.peekFirst());
            } catch (RuntimeException e) {
                queue.forEach(batch -> batch.failed = true);
                throw e;
            }
            queue.removeFirst();
        }
    }

    /** The first offset per partition of every batch still queued: where reading must start again if they are dropped. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> first = new HashMap<>();
        queue.forEach(batch -> firstOffsets(batch.records, first));
        return first;
    }

    static void firstOffsets(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> first) {
        for (ConsumerRecord<String, byte[]> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
    }

    /** Drops every batch unacknowledged (they are read again), telling {@code dropped} about each. */
    void dropAll(Consumer<Batch> dropped) {
        queue.forEach(dropped);
        queue.clear();
    }
}
