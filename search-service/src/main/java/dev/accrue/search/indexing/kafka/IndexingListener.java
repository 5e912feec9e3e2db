package dev.accrue.search.indexing.kafka;

import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.WriteOutcome;
import dev.accrue.search.indexing.elastic.BulkWriter;
import dev.accrue.search.indexing.elastic.ElasticsearchUnavailableException;
import dev.accrue.search.indexing.elastic.IndexTemplates;
import dev.accrue.search.indexing.elastic.ItemResult;
import dev.accrue.search.indexing.elastic.PendingAttendance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Indexes every event topic one poll batch at a time, and acknowledges a batch's offsets only after
 * Elasticsearch accepted every write of it and of every earlier batch (or the record was
 * dead-lettered). Batches in flight, retries while Elasticsearch is down, and rebalances during a retry
 * are explained in docs/design.md ("Search indexing: batches, retries, rebalances").
 */
class IndexingListener {

    static final String ID = "accrue-search-indexer";
    private static final Logger log = LoggerFactory.getLogger(IndexingListener.class);

    private final BatchPlanner planner;
    private final BulkWriter writer;
    private final IndexTemplates templates;
    private final PendingAttendance pending;
    private final DeadLetters deadLetters;
    private final int batchesInFlight;
    private final Counter indexed;
    private final Counter deadLettered;
    /** Each consumer thread's unfinished batches and retry state; only that thread touches them. */
    private final ThreadLocal<ConsumerState> state = ThreadLocal.withInitial(ConsumerState::new);

    IndexingListener(BatchPlanner planner, BulkWriter writer, IndexTemplates templates, PendingAttendance pending,
                     DeadLetters deadLetters, int batchesInFlight, MeterRegistry meters) {
        this.planner = planner;
        this.writer = writer;
        this.templates = templates;
        this.pending = pending;
        this.deadLetters = deadLetters;
        this.batchesInFlight = batchesInFlight;
        this.indexed = meters.counter("accrue.search.indexed");
        this.deadLettered = meters.counter("accrue.search.dead.letters");
    }

    // groupId explicitly: without it the listener id would be the group, and accrue.search.indexing.group-id ignored.
    @KafkaListener(id = ID, groupId = "${accrue.search.indexing.group-id:" + ID + "}", topics = "#{@indexedTopics}",
            containerFactory = "indexingListenerFactory", autoStartup = "${accrue.search.indexing.auto-startup:true}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        ConsumerState current = state.get();
        if (isStale(records, consumer)) {
            log.info("Not indexing a retried batch of {} records polled before a rebalance; they are read again",
                    records.size());
            return;
        }
        try {
            index(records, ack, consumer, current.batches);
            current.failed = null;
        } catch (RuntimeException e) {
            current.failed = records;
            throw e;
        }
    }

    private void index(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer,
                       InFlightBatches batches) {
        templates.ensureInstalled();
        boolean retry = batches.newestIs(BatchId.of(records));
        if (!retry) {
            BatchPlanner.Plan plan = planner.plan(records);
            // Rewrites after a failure stay in order; a delete must not overtake a write of the same id still in flight.
            if (batches.anyFailed() || plan.writes().stream().anyMatch(p -> p.write() instanceof DocumentWrite.Delete)) {
                batches.finish(0, this::finish);
            }
            batches.add(new InFlightBatches.Batch(records, plan, ack, writer.submit(writes(plan))));
        }
        batches.finish(retry || caughtUp(consumer) ? 0 : batchesInFlight, this::finish);
    }

    /** Finishes what is in flight when this consumer has been idle, so its offsets are committed. */
    @EventListener(condition = "event.listenerId.startsWith('" + ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        try {
            state.get().batches.finish(0, this::finish);
        } catch (RuntimeException e) {
            log.warn("Batches in flight not finished while idle; trying again on the next idle event or poll: {}", e.getMessage());
        }
    }

    /**
     * Before revoked partitions' offsets are committed: finish what can be. What cannot is dropped
     * unacknowledged, and so is the batch the error handler is retrying (it was polled before the
     * rebalance): revoked partitions go to their next owner from the committed offset, and those this
     * consumer keeps (a cooperative assignor revokes only some) are sought back to the first record
     * not acknowledged.
     */
    void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ConsumerState current = state.get();
        InFlightBatches batches = current.batches;
        List<ConsumerRecord<String, byte[]>> retried = current.failed;
        try {
            batches.finish(0, this::finish);
        } catch (RuntimeException e) {
            log.warn("Rebalance: {} unfinished batch(es) left uncommitted, to be read again: {}", batches.size(), e.getMessage());
        }
        Map<TopicPartition, Long> firstDropped = batches.firstOffsets();
        if (retried != null && !batches.contains(BatchId.of(retried))) {
            InFlightBatches.firstOffsets(retried, firstDropped);
        }
        current.failed = null;
        Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
        kept.removeAll(partitions);
        firstDropped.forEach((tp, offset) -> {
            if (kept.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
        batches.dropAll(batch -> planner.finished(batch.plan));
    }

    /**
     * Whether the error handler calls with a batch dropped at a rebalance: one of its partitions is no
     * longer this consumer's, or was sought back to (or reset to a committed offset at or before) its records.
     */
    private static boolean isStale(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
        }
        return last.entrySet().stream().anyMatch(e -> !assigned.contains(e.getKey())
                || consumer.position(e.getKey()) <= e.getValue());
    }

    /**
     * Whether nothing is waiting on this consumer's partitions, so the batch's bulks are awaited now. While
     * records wait, the next poll comes at once: worth not waiting for this batch (a poll smaller than
     * {@code max.poll.records} does not mean caught up; one fetch answers with what it has).
     */
    private static boolean caughtUp(Consumer<?, ?> consumer) {
        return consumer.assignment().stream().allMatch(tp -> consumer.currentLag(tp).orElse(0) == 0);
    }

    /** Finishes the oldest batch: written again when it failed, awaited, then completed. */
    private void finish(InFlightBatches.Batch oldest) {
        if (oldest.failed) {
            oldest.submitted = writer.submit(writes(oldest.plan));
        }
        complete(oldest, writer.await(oldest.submitted));
    }

    /**
     * Dead-letters what Elasticsearch refused, completes attendance that waits for a session (this
     * batch's own, and others' waiting for a session this batch defines) and acknowledges the batch.
     */
    private void complete(InFlightBatches.Batch batch, List<ItemResult> results) {
        BatchPlanner.Plan plan = batch.plan;
        Map<ConsumerRecord<String, byte[]>, Rejected> refused = new IdentityHashMap<>();
        List<AttendanceDocument> ownPending = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            Planned planned = plan.writes().get(i);
            if (result.outcome() == WriteOutcome.RETRY) {
                throw new ElasticsearchUnavailableException("Elasticsearch did not take " + result.write().documentKey() + ": "
                        + result.error());
            }
            if (result.outcome() == WriteOutcome.REJECTED) {
                String reason = "Elasticsearch rejected the document for " + result.write().index() + ": " + result.error();
                // An attending event has up to three writes; one dead letter per record is enough. The others may
                // have been accepted and stay (participations and enrolments hold only the time and session; see the README).
                refused.putIfAbsent(planned.record(), new Rejected(planned.record(), planned.eventId(), reason, false));
                // The writes this one superseded in the batch were never sent: their events are not fully indexed either.
                for (Planned dropped : plan.supersededBy(planned)) {
                    refused.putIfAbsent(dropped.record(), new Rejected(dropped.record(), dropped.eventId(),
                            "Not indexed: superseded in its batch by a write of the same document that was refused. " + reason,
                            false));
                }
            } else if (planned.write() instanceof DocumentWrite.Put put && put.document() instanceof AttendanceDocument doc
                    && !doc.sessionResolved()) {
                ownPending.add(doc); // indexed: completed below whatever happened to the event's other writes
            }
        }
        List<Rejected> rejected = new ArrayList<>(plan.rejected());
        rejected.addAll(refused.values());
        deadLetters.publish(rejected);
        pending.resolve(plan.sessionsDefined());
        pending.complete(ownPending);
        planner.answered(results);
        batch.ack.acknowledge();
        planner.finished(plan);
        indexed.increment(results.stream().filter(r -> r.outcome() == WriteOutcome.WRITTEN).count());
        deadLettered.increment(rejected.size());
    }

    private static List<DocumentWrite> writes(BatchPlanner.Plan plan) {
        return plan.writes().stream().map(Planned::write).toList();
    }

    /** One consumer thread's batches in flight, and the records of its last call that threw. */
    private static final class ConsumerState {
        final InFlightBatches batches = new InFlightBatches();
        List<ConsumerRecord<String, byte[]>> failed;
    }
}
