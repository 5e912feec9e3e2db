package dev.accrue.search.it;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.AttendanceType.JOINED;
import static dev.accrue.events.AttendanceType.LEFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.events.Category;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Format;
import dev.accrue.events.Rejection;
import dev.accrue.events.Session;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Attendance;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.AwardDocument;
import dev.accrue.search.indexing.CatalogWrites;
import dev.accrue.search.indexing.DocumentIds;
import dev.accrue.search.indexing.EnrolmentDocument;
import dev.accrue.search.indexing.Indices;
import dev.accrue.search.indexing.ParticipationDocument;
import dev.accrue.search.indexing.WriteOutcome;
import dev.accrue.search.indexing.elastic.BulkWriter;
import dev.accrue.search.indexing.elastic.ItemResult;
import dev.accrue.search.indexing.elastic.PendingAttendance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How events become documents: versions, replays, late sessions and records that can never be indexed. */
class IndexingIT extends SearchServiceTestBase {

    @Autowired
    BulkWriter writer;

    @Autowired
    PendingAttendance pendingAttendance;

    @Test
    void aNewerAwardRevisionReplacesTheOlderOneAndAnOlderOneChangesNothing() throws Exception {
        Session session = Events.session("rev-S1", "C1", "p-revisions", "Revisions", Format.LIVE_WEBINAR, 3,
                List.of(Events.hours(Category.GENERAL, 3)), List.of(APA));
        CreditAward first = Events.award(session, "rev-L1", APA, 1, 3, "2025-01-06T18:00:00Z");
        CreditAward second = Events.award(session, "rev-L1", APA, 2, 1.5, "2025-01-06T18:00:00Z");
        try (EventLog log = log()) {
            log.send(first);
            await().atMost(Duration.ofSeconds(60)).until(() -> award(first) != null && award(first).revision() == 1);
            log.send(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> award(first).revision() == 2);
            log.send(first); // a replayed older revision
            await().atMost(Duration.ofSeconds(60)).until(this::indexerCaughtUp);
        }
        AwardDocument stored = award(first);
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.hours()).isEqualTo(1.5);
        assertThat(stored.categoryHours()).extracting(c -> c.category() + "=" + c.hours()).containsExactly("GENERAL=1.5");
        assertThat(count(Indices.AWARDS, term("licenseeId", "rev-L1"))).isEqualTo(1);
    }

    @Test
    void replayingEveryEventChangesNoCount() {
        SeedData seed = new SeedData("p-replay");
        try (EventLog log = log()) {
            log.sendAll(seed.all());
            AnalyticsIT.awaitSeedIndexed(this, seed);
            Api analyst = api("it-analyst-key");
            List<String> questions = List.of("top-courses?by=creditHours", "completion?groupBy=course", "completion?groupBy=provider");
            List<String> before = questions.stream().map(q -> analyst.json("/v1/analytics/" + q
                    + "&from=2025-01-01&to=2025-02-28&providerId=" + seed.provider).toString()).toList();

            log.sendAll(seed.all());
            await().atMost(Duration.ofSeconds(60)).until(this::indexerCaughtUp);
            AnalyticsIT.awaitSeedIndexed(this, seed); // the exact counts again, nothing doubled
            assertThat(questions.stream().map(q -> analyst.json("/v1/analytics/" + q
                    + "&from=2025-01-01&to=2025-02-28&providerId=" + seed.provider).toString()).toList()).isEqualTo(before);
        }
    }

    @Test
    void attendanceThatArrivesBeforeItsSessionIsCompletedWhenTheSessionArrives() throws Exception {
        Session session = Events.session("late-S1", "C9", "p-late", "Arrives Late", Format.IN_PERSON, 2,
                List.of(Events.hours(Category.LAW_AND_ETHICS, 2)), List.of(APA));
        try (EventLog log = log()) {
            log.send(Events.attendance("late-e1", "late-S1", "late-L1", JOINED, "2025-01-06T15:00:00Z"));
            await().atMost(Duration.ofSeconds(60)).until(() -> attendance("late-S1", "late-e1") != null);
            assertThat(attendance("late-S1", "late-e1").sessionResolved()).isFalse();

            await().atMost(Duration.ofSeconds(60)).until(() -> participation("late-L1|late-S1") != null);
            assertThat(participation("late-L1|late-S1").sessionResolved()).isFalse();
            assertThat(count(Indices.ENROLMENTS, term("licenseeId", "late-L1"))).isZero(); // no course known yet

            log.send(session);
            await().atMost(Duration.ofSeconds(60)).until(() -> attendance("late-S1", "late-e1").sessionResolved());
            await().atMost(Duration.ofSeconds(60)).until(() -> participation("late-L1|late-S1").sessionResolved());
            await().atMost(Duration.ofSeconds(60)).until(() -> enrolment("late-L1|p-late/C9") != null);
        }
        assertThat(participation("late-L1|late-S1").courseKey()).isEqualTo("p-late/C9");
        EnrolmentDocument enrolment = enrolment("late-L1|p-late/C9");
        assertThat(enrolment.sessionId()).isEqualTo("late-S1");
        assertThat(enrolment.occurredAt()).isEqualTo(Instant.parse("2025-01-06T15:00:00Z"));
        assertThat(enrolment.title()).isEqualTo("Arrives Late");
        AttendanceDocument doc = attendance("late-S1", "late-e1");
        assertThat(doc.providerId()).isEqualTo("p-late");
        assertThat(doc.courseKey()).isEqualTo("p-late/C9");
        assertThat(doc.title()).isEqualTo("Arrives Late");
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS");
        assertThat(doc.bodies()).containsExactly("APA");
    }

    @Test
    void aBatchCompletesItsOwnPendingAttendanceWhenTheSessionWasIndexedMeanwhile() throws Exception {
        // The batch planned the event before the session was indexed, and the session's own batch searched
        // before this document was visible: only the batch itself, looking the session up again, completes it.
        AttendanceDocument pending = AttendanceDocument.pending(new Attendance("own-e1", "own-S1", "own-L1", "JOINED",
                Instant.parse("2025-01-06T15:00:00Z"), null, "API", Instant.parse("2025-01-06T15:00:01Z"), null));
        assertThat(writer.write(pending.writes())).extracting(ItemResult::outcome).containsOnly(WriteOutcome.WRITTEN);
        CatalogSession session = CatalogSession.of("own-S1", "C2", "p-own", "Own Batch", null, "IN_PERSON", 2,
                List.of(), List.of(), Instant.parse("2025-01-06T14:00:00Z"), Instant.parse("2025-01-06T16:00:00Z"),
                null, Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(writer.write(List.of(CatalogWrites.put(session)))).extracting(ItemResult::outcome)
                .containsOnly(WriteOutcome.WRITTEN);

        pendingAttendance.complete(List.of(pending)); // written and answered before it returns; gets are real-time

        assertThat(attendance("own-S1", "own-e1").sessionResolved()).isTrue();
        assertThat(attendance("own-S1", "own-e1").title()).isEqualTo("Own Batch");
        assertThat(participation("own-L1|own-S1").sessionResolved()).isTrue();
        assertThat(participation("own-L1|own-S1").courseKey()).isEqualTo("p-own/C2");
        assertThat(enrolment("own-L1|p-own/C2").occurredAt()).isEqualTo(Instant.parse("2025-01-06T15:00:00Z"));
    }

    @Test
    void theEarliestJoinHoldsTheParticipationWhateverTheOrderOfTheEvents() throws Exception {
        Session session = Events.session("first-S1", "C1", "p-first", "First Join", Format.LIVE_WEBINAR, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        var rejoined = Events.attendance("first-e2", "first-S1", "first-L1", JOINED, "2025-01-06T15:40:00Z");
        try (EventLog log = log()) {
            log.send(session);
            log.send(rejoined);
            log.send(Events.attendance("first-e1", "first-S1", "first-L1", JOINED, "2025-01-06T15:00:00Z"));
            log.send(Events.attendance("first-e3", "first-S1", "first-L1", LEFT, "2025-01-06T15:10:00Z"));
            log.send(rejoined); // a replay of the later join
            await().atMost(Duration.ofSeconds(60)).until(() -> attendance("first-S1", "first-e3") != null);
            await().atMost(Duration.ofSeconds(60)).until(this::indexerCaughtUp);
        }
        ParticipationDocument stored = participation("first-L1|first-S1");
        assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2025-01-06T15:00:00Z"));
        assertThat(stored.sessionResolved()).isTrue();
        assertThat(count(Indices.PARTICIPATIONS, term("licenseeId", "first-L1"))).isEqualTo(1);
    }

    @Test
    void theEarliestAttendanceInAnySessionOfTheCourseHoldsTheEnrolmentAndAReplayChangesNothing() throws Exception {
        Session first = Events.session("enrol-S1", "C1", "p-enrol", "Morning Run", Format.LIVE_WEBINAR, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        Session repeat = Events.session("enrol-S2", "C1", "p-enrol", "Evening Run", Format.IN_PERSON, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        var later = Events.attendance("enrol-e2", "enrol-S2", "enrol-L1", JOINED, "2025-01-08T18:00:00Z");
        try (EventLog log = log()) {
            log.send(first);
            log.send(repeat);
            log.send(later);
            await().atMost(Duration.ofSeconds(60)).until(() -> enrolment("enrol-L1|p-enrol/C1") != null);
            log.send(Events.attendance("enrol-e1", "enrol-S1", "enrol-L1", JOINED, "2025-01-06T09:00:00Z"));
            log.send(Events.attendance("enrol-e3", "enrol-S1", "enrol-L1", LEFT, "2025-01-06T09:30:00Z"));
            log.send(later); // a replay of the later session's join
            await().atMost(Duration.ofSeconds(60)).until(() -> attendance("enrol-S1", "enrol-e3") != null);
            await().atMost(Duration.ofSeconds(60)).until(this::indexerCaughtUp);
        }
        EnrolmentDocument stored = enrolment("enrol-L1|p-enrol/C1");
        assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
        assertThat(stored.sessionId()).isEqualTo("enrol-S1");
        assertThat(stored.format()).isEqualTo("LIVE_WEBINAR");
        assertThat(count(Indices.ENROLMENTS, term("licenseeId", "enrol-L1"))).isEqualTo(1);
        assertThat(count(Indices.PARTICIPATIONS, term("licenseeId", "enrol-L1"))).isEqualTo(2);
    }

    @Test
    void aPendingParticipationNeverReplacesTheResolvedOneOfTheSameEvent() throws Exception {
        Instant at = Instant.parse("2025-01-06T15:00:00Z");
        List<ItemResult> resolvedFirst = writer.write(List.of(
                participation("race-L1", at, true).write(), participation("race-L1", at, false).write()));
        List<ItemResult> pendingFirst = writer.write(List.of(
                participation("race-L2", at, false).write(), participation("race-L2", at, true).write()));

        assertThat(resolvedFirst).extracting(ItemResult::status).containsExactly(201, 409);
        assertThat(resolvedFirst).extracting(ItemResult::outcome).containsOnly(WriteOutcome.WRITTEN);
        assertThat(pendingFirst).extracting(ItemResult::outcome).containsOnly(WriteOutcome.WRITTEN);
        assertThat(participation("race-L1|race-S1").sessionResolved()).isTrue();
        assertThat(participation("race-L2|race-S1").sessionResolved()).isTrue();
        assertThat(participation("race-L2|race-S1").courseKey()).isEqualTo("p-race/C1");
    }

    private static ParticipationDocument participation(String licenseeId, Instant at, boolean resolved) {
        String id = licenseeId + "|race-S1";
        return resolved
                ? new ParticipationDocument(id, licenseeId, "race-S1", at, true, "C1", "p-race/C1", "p-race", "Race",
                        "IN_PERSON", 1.0, List.of("GENERAL"), List.of("APA"))
                : new ParticipationDocument(id, licenseeId, "race-S1", at, false, null, null, null, null, null, null,
                        List.of(), List.of());
    }

    @Test
    void recordsThatCanNeverBeIndexedAreDeadLetteredAndTheirPartitionGoesOn() throws Exception {
        String key = "dlq-L1"; // one key, so all three records share a partition, in this order
        try (EventLog log = log()) {
            log.sendRaw(topics.attendance(), key, "not avro at all".getBytes(StandardCharsets.UTF_8));
            var impossibleDate = Events.attendance("dlq-e1", "dlq-S1", key, JOINED, "2025-01-06T15:00:00Z");
            impossibleDate.setOccurredAt(Instant.ofEpochMilli(Long.MAX_VALUE)); // readable, but no date field takes it
            log.send(impossibleDate);
            log.send(Events.attendance("dlq-e2", "dlq-S1", key, JOINED, "2025-01-06T15:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> attendance("dlq-S1", "dlq-e2") != null);

        List<Rejection> rejections = deadLetters(key, 2);
        assertThat(rejections).hasSize(2);
        Rejection corrupt = rejections.get(0);
        assertThat(corrupt.getSourceTopic()).isEqualTo(topics.attendance());
        assertThat(corrupt.getReason()).startsWith("Unreadable value");
        assertThat(corrupt.getEventId()).isNull();
        assertThat(StandardCharsets.UTF_8.decode(corrupt.getPayload()).toString()).isEqualTo("not avro at all");
        assertThat(corrupt.getRejectedBy()).isEqualTo("search-service");
        Rejection refused = rejections.get(1);
        assertThat(refused.getEventId()).isEqualTo("dlq-e1");
        assertThat(refused.getReason()).startsWith("Elasticsearch rejected the document for accrue-attendance")
                .contains("occurredAt");
        assertThat(refused.getOffset()).isEqualTo(corrupt.getOffset() + 1);
        assertThat(attendance("dlq-S1", "dlq-e1")).isNull();
    }

    @Test
    void anAttendanceWhoseOwnDocumentIsRefusedIsDeadLetteredAndItsAcceptedParticipationStays() throws Exception {
        String key = "half-L1";
        var received = Events.attendance("half-e1", "half-S1", key, JOINED, "2025-01-06T15:00:00Z");
        received.setReceivedAt(Instant.ofEpochMilli(Long.MAX_VALUE)); // only the attendance document has this field
        try (EventLog log = log()) {
            log.send(received);
        }
        List<Rejection> rejections = deadLetters(key, 1);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.getEventId()).isEqualTo("half-e1");
            assertThat(r.getReason()).startsWith("Elasticsearch rejected the document for accrue-attendance");
        });
        assertThat(attendance("half-S1", "half-e1")).isNull();
        assertThat(participation("half-L1|half-S1").occurredAt()).isEqualTo(Instant.parse("2025-01-06T15:00:00Z"));
    }

    private List<Rejection> deadLetters(String key, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Rejection> found = new ArrayList<>();
        try (KafkaConsumer<String, Rejection> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(Map.of("schema.registry.url", STACK.schemaRegistryUrl()), Rejection.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topics.partitions(); p++) {
                partitions.add(new TopicPartition(topics.searchDeadLetters(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Rejection> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    private AwardDocument award(CreditAward award) throws Exception {
        return stored(Indices.AWARDS, award.getAwardId(), AwardDocument.class);
    }

    private AttendanceDocument attendance(String sessionId, String eventId) throws Exception {
        return stored(Indices.ATTENDANCE, AttendanceDocument.id(sessionId, eventId), AttendanceDocument.class);
    }

    private ParticipationDocument participation(String participation) throws Exception {
        return stored(Indices.PARTICIPATIONS, participation, ParticipationDocument.class);
    }

    private EnrolmentDocument enrolment(String enrolment) throws Exception {
        return stored(Indices.ENROLMENTS, enrolment, EnrolmentDocument.class);
    }

    /** The document as stored now (a real-time get), or null. */
    private <T> T stored(String index, String id, Class<T> type) throws Exception {
        var response = elasticsearch.get(g -> g.index(index).id(DocumentIds.of(id)), type);
        return response.found() ? response.source() : null;
    }

    private EventLog log() {
        return new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics);
    }
}
