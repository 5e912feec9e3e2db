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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
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
 * Indexes every event topic one poll batch at a time, and commits a batch's offsets only after
 * Elasticsearch accepted every write of it and of every earlier batch (or the record was
 * dead-lettered).
 *
 * <p>While a consumer catches up (its poll was full and records are still waiting), it does not wait
 * for a batch's bulks before polling the next: up to {@code batchesInFlight} batches per consumer are
 * in flight, and they are finished (dead letters, pending attendance, acknowledgement) strictly in
 * order. A poll that reaches the end of the partitions, a retry, a rebalance and an idle consumer
 * finish everything in flight, so offsets never wait for records that may not come.
 *
 * <p>When Elasticsearch is down or overloaded, the listener throws, keeping the unfinished batches;
 * the container's error handler pauses the partitions and calls it again with the same records,
 * with backoff, forever. That call writes every unfinished batch again, oldest first, before going
 * on; the writes are idempotent, so the part that did get in changes nothing.
 *
 * <p>A rebalance during such a retry (the error handler polls the paused consumer) may fail to finish
 * the batches in flight; they are then dropped without acknowledgement and read again, partitions
 * that moved from the committed offset, partitions this consumer keeps after a seek back to their
 * first dropped record. The error handler's next call with the failed batch's records is then stale:
 * it returns without indexing or acknowledging them, since a commit would pass the dropped batches.
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
    private final int maxPollRecords;
    private final Counter indexed;
    private final Counter deadLettered;
    /** Each consumer thread's unfinished batches and retry state; only that thread touches them. */
    private final ThreadLocal<ConsumerState> state = ThreadLocal.withInitial(ConsumerState::new);

    IndexingListener(BatchPlanner planner, BulkWriter writer, IndexTemplates templates, PendingAttendance pending,
                     DeadLetters deadLetters, int batchesInFlight, int maxPollRecords, MeterRegistry meters) {
        this.planner = planner;
        this.writer = writer;
        this.templates = templates;
        this.pending = pending;
        this.deadLetters = deadLetters;
        this.batchesInFlight = batchesInFlight;
        this.maxPollRecords = maxPollRecords;
        this.indexed = meters.counter("accrue.search.indexed");
        this.deadLettered = meters.counter("accrue.search.dead.letters");
    }

    @KafkaListener(id = ID, topics = "#{@indexedTopics}", containerFactory = "indexingListenerFactory",
            autoStartup = "${accrue.search.indexing.auto-startup:true}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        ConsumerState current = state.get();
        if (current.isStale(records)) {
            log.info("Not indexing a retried batch of {} records polled before a rebalance; they are read again",
                    records.size());
            return;
        }
        try {
            index(records, ack, consumer, current.queue);
            current.failed = null;
        } catch (RuntimeException e) {
            current.failed = records;
            throw e;
        }
    }

    private void index(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer,
                       Deque<InFlight> queue) {
        templates.ensureInstalled();
        boolean retry = !queue.isEmpty() && queue.peekLast().isFor(records);
        if (!retry) {
            BatchPlanner.Plan plan = planner.plan(records);
            // Rewrites after a failure stay in order; a delete must not overtake a write of the same id still in flight.
            if (queue.stream().anyMatch(b -> b.failed) || plan.writes().stream().anyMatch(p -> p.write() instanceof DocumentWrite.Delete)) {
                finish(queue, 0);
            }
            queue.addLast(new InFlight(records, plan, ack, writer.submit(writes(plan))));
        }
        finish(queue, retry || caughtUp(records, consumer) ? 0 : batchesInFlight);
    }

    /** Finishes what is in flight when this consumer has been idle, so its offsets are committed. */
    @EventListener(condition = "event.listenerId.startsWith('" + ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        try {
            finish(state.get().queue, 0);
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
        Deque<InFlight> queue = current.queue;
        List<ConsumerRecord<String, byte[]>> retried = current.failed;
        boolean retriedQueued = retried != null && queue.stream().anyMatch(b -> b.isFor(retried));
        try {
            finish(queue, 0);
        } catch (RuntimeException e) {
            log.warn("Rebalance: {} unfinished batch(es) left uncommitted, to be read again: {}", queue.size(), e.getMessage());
        }
        Map<TopicPartition, Long> firstDropped = new HashMap<>();
        queue.forEach(batch -> firstOffsets(batch.records, firstDropped));
        if (retried != null) {
            if (!retriedQueued) {
                firstOffsets(retried, firstDropped);
            }
            current.stale = retried;
            current.failed = null;
        }
        Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
        kept.removeAll(partitions);
        firstDropped.forEach((tp, offset) -> {
            if (kept.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
        queue.forEach(batch -> planner.finished(batch.plan));
        queue.clear();
    }

    private static void firstOffsets(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> first) {
        for (ConsumerRecord<String, byte[]> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
    }

    /** A full poll with records still waiting means the next poll comes at once: worth not waiting for this one. */
    private boolean caughtUp(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        return records.size() < maxPollRecords
                || consumer.assignment().stream().allMatch(tp -> consumer.currentLag(tp).orElse(0) == 0);
    }

    /** Finishes batches oldest first until at most {@code keep} remain (and any that are already done). */
    private void finish(Deque<InFlight> queue, int keep) {
        while (!queue.isEmpty() && (queue.size() > keep || queue.peekFirst().isDone())) {
            InFlight oldest = queue.peekFirst();
            try {
                if (oldest.failed) {
                    oldest.submitted = writer.submit(writes(oldest.plan));
                }
                complete(oldest, writer.await(oldest.submitted));
            } catch (RuntimeException e) {
                failAll(queue);
                throw e;
            }
            queue.removeFirst();
        }
    }

    /**
     * After a failure every unfinished batch is written again, in order, so the last write of an id is
     * still the latest one (the retry comes after the backoff, when the writes in flight are answered).
     */
    private static void failAll(Deque<InFlight> queue) {
        queue.forEach(batch -> batch.failed = true);
    }

    /**
     * Dead-letters what Elasticsearch refused, completes attendance that waits for a session (this
     * batch's own, and others' waiting for a session this batch defines) and acknowledges the batch.
     */
    private void complete(InFlight batch, List<ItemResult> results) {
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

    /** One consumer thread's batches in flight, and what it needs to recognise the error handler's retries. */
    private static final class ConsumerState {
        final Deque<InFlight> queue = new ArrayDeque<>();
        /** The records of the last call that threw: the error handler calls again with these very records. */
        List<ConsumerRecord<String, byte[]>> failed;
        /** A failed batch dropped at a rebalance: a retry of it must not be indexed and acknowledged. */
        List<ConsumerRecord<String, byte[]>> stale;

        boolean isStale(List<ConsumerRecord<String, byte[]>> records) {
            if (stale != null && sameBatch(stale, records)) {
                return true;
            }
            stale = null; // a new poll: the retry loop of the dropped batch is over
            return false;
        }
    }

    /** The error handler calls the listener again with the very records (same objects) of the batch that failed last. */
    private static boolean sameBatch(List<ConsumerRecord<String, byte[]>> a, List<ConsumerRecord<String, byte[]>> b) {
        return a.size() == b.size() && !a.isEmpty()
                && a.get(0) == b.get(0) && a.get(a.size() - 1) == b.get(b.size() - 1);
    }

    /** One poll batch whose writes were handed to the bulk ingester. */
    private static final class InFlight {
        final List<ConsumerRecord<String, byte[]>> records;
        final BatchPlanner.Plan plan;
        final Acknowledgment ack;
        BulkWriter.Submitted submitted;
        boolean failed;

        InFlight(List<ConsumerRecord<String, byte[]>> records, BatchPlanner.Plan plan, Acknowledgment ack,
                 BulkWriter.Submitted submitted) {
            this.records = records;
            this.plan = plan;
            this.ack = ack;
            this.submitted = submitted;
        }

        boolean isDone() {
            return !failed && submitted.isDone();
        }

        boolean isFor(List<ConsumerRecord<String, byte[]>> other) {
            return sameBatch(records, other);
        }
    }
}
