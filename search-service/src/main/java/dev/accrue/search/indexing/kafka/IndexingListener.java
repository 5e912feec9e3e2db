package dev.accrue.search.indexing.kafka;

import dev.accrue.search.indexing.WriteOutcome;
import dev.accrue.search.indexing.elastic.BulkWriter;
import dev.accrue.search.indexing.elastic.ElasticsearchUnavailableException;
import dev.accrue.search.indexing.elastic.IndexTemplates;
import dev.accrue.search.indexing.elastic.ItemResult;
import dev.accrue.search.indexing.elastic.PendingAttendance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Indexes every event topic, one poll batch at a time, and commits the batch's offsets only after
 * Elasticsearch accepted every write (or the record was dead-lettered). When Elasticsearch is down
 * or overloaded, the listener throws and the container's error handler pauses the partitions and
 * retries the whole batch with backoff, forever; the writes are idempotent, so retrying the part
 * that did get in changes nothing.
 */
class IndexingListener {

    static final String ID = "accrue-search-indexer";

    private final BatchPlanner planner;
    private final BulkWriter writer;
    private final IndexTemplates templates;
    private final PendingAttendance pending;
    private final DeadLetters deadLetters;
    private final Counter indexed;
    private final Counter deadLettered;

    IndexingListener(BatchPlanner planner, BulkWriter writer, IndexTemplates templates, PendingAttendance pending,
                     DeadLetters deadLetters, MeterRegistry meters) {
        this.planner = planner;
        this.writer = writer;
        this.templates = templates;
        this.pending = pending;
        this.deadLetters = deadLetters;
        this.indexed = meters.counter("accrue.search.indexed");
        this.deadLettered = meters.counter("accrue.search.dead.letters");
    }

    @KafkaListener(id = ID, topics = "#{@indexedTopics}", containerFactory = "indexingListenerFactory",
            autoStartup = "${accrue.search.indexing.auto-startup:true}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        templates.ensureInstalled();
        BatchPlanner.Plan plan = planner.plan(records);
        List<ItemResult> results = writer.write(plan.writes().stream().map(Planned::write).toList());
        List<Rejected> rejected = new ArrayList<>(plan.rejected());
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            if (result.outcome() == WriteOutcome.RETRY) {
                throw new ElasticsearchUnavailableException("Elasticsearch did not take " + result.write().index() + "/"
                        + result.write().id() + ": " + result.error());
            }
            if (result.outcome() == WriteOutcome.REJECTED) {
                Planned planned = plan.writes().get(i);
                rejected.add(new Rejected(planned.record(), planned.eventId(),
                        "Elasticsearch rejected the document for " + result.write().index() + ": " + result.error(), false));
            }
        }
        deadLetters.publish(rejected);
        pending.resolve(plan.sessionsToResolve());
        ack.acknowledge();
        indexed.increment(results.size() - (rejected.size() - plan.rejected().size()));
        deadLettered.increment(rejected.size());
    }
}
