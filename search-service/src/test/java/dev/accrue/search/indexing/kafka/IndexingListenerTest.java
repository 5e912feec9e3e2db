package dev.accrue.search.indexing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.accrue.events.ApprovalBody;
import dev.accrue.events.Category;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.elastic.BulkWriter;
import dev.accrue.search.indexing.elastic.ElasticsearchUnavailableException;
import dev.accrue.search.indexing.elastic.IndexTemplates;
import dev.accrue.search.indexing.elastic.ItemResult;
import dev.accrue.search.indexing.elastic.PendingAttendance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The listener's pipelining and acknowledgement rules, with a bulk writer whose answers the test gives
 * (an unanswered write counts as Elasticsearch not answering in time) and batches of 3 award records.
 */
class IndexingListenerTest {

    static final String TOPIC = "accrue.credits";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    static final Session SESSION = Events.session("S1", "C1", "acme", "Ethics", Format.IN_PERSON, 2,
            List.of(Events.hours(Category.GENERAL, 2)), List.of(ApprovalBody.APA));

    final Map<ConsumerRecord<String, byte[]>, SpecificRecord> values = new HashMap<>();
    final List<BulkWriter.Submitted> submissions = new ArrayList<>();
    final List<String> acks = new ArrayList<>();
    final BulkWriter writer = mock(BulkWriter.class);
    @SuppressWarnings("unchecked")
    final Consumer<String, byte[]> consumer = mock(Consumer.class);
    final PendingAttendance pending = mock(PendingAttendance.class);
    final DeadLetters deadLetters = mock(DeadLetters.class);
    /** The status every new write is answered with at once; null leaves it unanswered until {@link #answer}. */
    Integer answerAtOnce;
    long offset;
    /** Where the listener sought partitions back to, until the next poll. */
    final Map<TopicPartition, Long> sought = new HashMap<>();
    IndexingListener listener;

    @BeforeEach
    void setUp() {
        when(writer.submit(any())).thenAnswer(call -> submit(call.getArgument(0)));
        when(writer.await(any())).thenAnswer(call -> await(call.getArgument(0)));
        when(consumer.assignment()).thenReturn(Set.of(P0, P1));
        when(consumer.currentLag(any())).thenReturn(OptionalLong.of(1000)); // catching up: batches stay in flight
        BatchPlanner planner = new BatchPlanner(values::get, "accrue.sessions", ids -> Map.of(), new SessionsInFlight(),
                new StoredVersions(100));
        // The consumer's position follows the polls (the records made below) and the listener's seeks.
        when(consumer.position(any(TopicPartition.class))).thenAnswer(call -> sought.getOrDefault(call.getArgument(0), offset));
        doAnswer(call -> sought.put(call.getArgument(0), call.getArgument(1))).when(consumer)
                .seek(any(TopicPartition.class), anyLong());
        listener = new IndexingListener(planner, writer, mock(IndexTemplates.class), pending, deadLetters, 2,
                new SimpleMeterRegistry());
    }

    @Test
    void aBatchIsAcknowledgedOnlyOnceItsWritesWereAnswered() {
        var b1 = batch();
        listener.onBatch(b1, ack("b1"), consumer);
        assertThat(acks).isEmpty();

        answer(0, 201);
        listener.onBatch(batch(), ack("b2"), consumer);
        assertThat(acks).containsExactly("b1");
    }

    @Test
    void aLaterBatchWaitsForTheEarlierOneAndTheyAreAcknowledgedInOrder() {
        listener.onBatch(batch(), ack("b1"), consumer);
        listener.onBatch(batch(), ack("b2"), consumer);
        answer(1, 201); // b2 answered, b1 not yet

        listener.onIdle(null); // b1 does not answer in time
        assertThat(acks).isEmpty();

        answerAtOnce = 201;
        listener.onIdle(null);
        assertThat(acks).containsExactly("b1", "b2");
    }

    @Test
    void aFailureRewritesEveryUnfinishedBatchOldestFirstWhenTheBatchIsRetried() {
        var b1 = batch();
        var b2 = batch();
        var b3 = batch();
        listener.onBatch(b1, ack("b1"), consumer);
        listener.onBatch(b2, ack("b2"), consumer);
        answer(0, 503);
        answer(1, 201);
        assertThatThrownBy(() -> listener.onBatch(b3, ack("b3"), consumer))
                .isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(acks).isEmpty();

        answerAtOnce = 201;
        int before = submissions.size();
        listener.onBatch(b3, ack("b3"), consumer); // the error handler's retry, with the same records
        assertThat(submissions.subList(before, submissions.size())).extracting(this::firstAwardOffset)
                .containsExactly(b1.get(0).offset(), b2.get(0).offset(), b3.get(0).offset());
        assertThat(acks).containsExactly("b1", "b2", "b3");
    }

    @Test
    void aRebalanceThatCannotFinishDropsTheBatchesUnacknowledgedAndTheStaleRetryIsNotAcknowledged() {
        var b1 = batch();
        var b2 = batch();
        var b3 = batch();
        listener.onBatch(b1, ack("b1"), consumer);
        listener.onBatch(b2, ack("b2"), consumer);
        answer(0, 503);
        assertThatThrownBy(() -> listener.onBatch(b3, ack("b3"), consumer))
                .isInstanceOf(ElasticsearchUnavailableException.class);

        listener.onPartitionsRevokedBeforeCommit(consumer, List.of(P1)); // Elasticsearch still down; P0 stays here
        assertThat(acks).isEmpty();
        verify(consumer).seek(P0, b1.get(0).offset()); // read again from the first dropped record

        answerAtOnce = 201;
        int before = submissions.size();
        listener.onBatch(b3, ack("b3"), consumer); // the error handler's retry of records polled before the rebalance
        assertThat(acks).isEmpty();
        assertThat(submissions).hasSize(before);

        offset = b1.get(0).offset();
        listener.onBatch(batch(), ack("b1 again"), consumer); // the next poll, from the sought offset
        assertThat(acks).containsExactly("b1 again");
    }

    @Test
    void aRebalanceThatRevokesEveryPartitionSeeksNothing() {
        listener.onBatch(batch(), ack("b1"), consumer);
        listener.onPartitionsRevokedBeforeCommit(consumer, List.of(P0, P1)); // b1 unanswered: dropped
        assertThat(acks).isEmpty();
        verify(consumer, never()).seek(any(TopicPartition.class), anyLong());
    }

    @Test
    void aRebalanceThatCanFinishAcknowledgesEverything() {
        listener.onBatch(batch(), ack("b1"), consumer);
        listener.onBatch(batch(), ack("b2"), consumer);
        answer(0, 201);
        answer(1, 409); // already there
        listener.onPartitionsRevokedBeforeCommit(consumer, List.of(P0, P1));
        assertThat(acks).containsExactly("b1", "b2");
    }

    @Test
    void aRefusedWriteAlsoDeadLettersTheEventsWhoseWritesItSupersededInItsBatch() {
        var first = record("L9", Events.award(SESSION, "L9", ApprovalBody.APA, 1, 2, "2025-01-06T18:00:00Z"));
        var revised = record("L9", Events.award(SESSION, "L9", ApprovalBody.APA, 2, 1, "2025-01-06T18:00:00Z"));
        var unrelated = record("L8", Events.award(SESSION, "L8", ApprovalBody.APA, 1, 2, "2025-01-06T18:00:00Z"));
        listener.onBatch(List.of(first, revised, unrelated), ack("b1"), consumer);
        assertThat(submissions.get(0).pending()).hasSize(2); // revision 1 is not sent: revision 2 supersedes it

        answerEach(0, 400, 201); // revision 2 refused
        listener.onIdle(null);

        assertThat(acks).containsExactly("b1");
        assertThat(deadLettered()).extracting(Rejected::record).containsExactlyInAnyOrder(revised, first);
    }

    @Test
    void pendingAttendanceIsCompletedWhenItsOwnDocumentWasIndexedEvenIfAnotherWriteOfTheEventWasRefused() {
        var joined = record("L1", Events.attendance("e1", "S-unknown", "L1", dev.accrue.events.AttendanceType.JOINED,
                "2025-01-06T10:00:00Z"));
        var refused = record("L2", Events.attendance("e2", "S-unknown", "L2", dev.accrue.events.AttendanceType.JOINED,
                "2025-01-06T10:00:00Z"));
        var left = record("L3", Events.attendance("e3", "S-unknown", "L3", dev.accrue.events.AttendanceType.LEFT,
                "2025-01-06T11:00:00Z"));
        listener.onBatch(List.of(joined, refused, left), ack("b1"), consumer);

        // attendance e1, e2, e3, then participations L1, L2 (no enrolments: the session is unknown);
        // e2's own document and e1's participation are refused
        answerEach(0, 201, 400, 201, 400, 201);
        listener.onIdle(null);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<AttendanceDocument>> completed = ArgumentCaptor.forClass(List.class);
        verify(pending).complete(completed.capture());
        assertThat(completed.getValue()).extracting(AttendanceDocument::eventId).containsExactly("e1", "e3");
        assertThat(deadLettered()).extracting(Rejected::record).containsExactlyInAnyOrder(joined, refused);
    }

    List<Rejected> deadLettered() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Rejected>> published = ArgumentCaptor.forClass(List.class);
        verify(deadLetters).publish(published.capture());
        return published.getValue();
    }

    ConsumerRecord<String, byte[]> record(String key, SpecificRecord value) {
        sought.clear(); // a poll
        var record = new ConsumerRecord<>(TOPIC, 0, offset++, key, new byte[] {1});
        values.put(record, value);
        return record;
    }

    void answerEach(int submission, int... statuses) {
        var pendingWrites = submissions.get(submission).pending();
        assertThat(pendingWrites).hasSize(statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            var p = pendingWrites.get(i);
            p.result().complete(new ItemResult(p.write(), statuses[i], statuses[i] >= 400 ? "mapper_parsing_exception" : null));
        }
    }

    /** A full poll of 3 award records on partition 0. */
    List<ConsumerRecord<String, byte[]>> batch() {
        sought.clear(); // a poll
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long at = offset++;
            var record = new ConsumerRecord<>(TOPIC, 0, at, "L" + at, new byte[] {1});
            values.put(record, Events.award(SESSION, "L" + at, ApprovalBody.APA, 1, 2, "2025-01-06T18:00:00Z"));
            records.add(record);
        }
        return records;
    }

    Acknowledgment ack(String name) {
        return () -> acks.add(name);
    }

    void answer(int submission, int status) {
        submissions.get(submission).pending().forEach(p -> p.result().complete(new ItemResult(p.write(), status, null)));
    }

    long firstAwardOffset(BulkWriter.Submitted submitted) {
        return Long.parseLong(submitted.pending().get(0).write().id().split("\\|")[0].substring(1));
    }

    BulkWriter.Submitted submit(List<DocumentWrite> writes) {
        var submitted = new BulkWriter.Submitted(writes.stream()
                .map(w -> new BulkWriter.Pending(w, new CompletableFuture<ItemResult>())).toList());
        submissions.add(submitted);
        if (answerAtOnce != null) {
            answer(submissions.size() - 1, answerAtOnce);
        }
        return submitted;
    }

    static List<ItemResult> await(BulkWriter.Submitted submitted) {
        if (!submitted.isDone()) {
            throw new ElasticsearchUnavailableException("no answer in time");
        }
        return submitted.pending().stream().map(p -> p.result().join()).toList();
    }
}
