package dev.accrue.search.indexing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.ApprovalBody;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.Category;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.Indices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    static final Session S1 = Events.session("S1", "C1", "acme", "Ethics", Format.IN_PERSON, 2,
            List.of(Events.hours(Category.GENERAL, 2)), List.of(ApprovalBody.APA));
    static final Session S2 = Events.session("S2", "C2", "acme", "Telehealth", Format.LIVE_WEBINAR, 1,
            List.of(Events.hours(Category.TELEHEALTH, 1)), List.of(ApprovalBody.NBCC));

    final Map<ConsumerRecord<String, byte[]>, SpecificRecord> values = new HashMap<>();
    final Map<String, CatalogSession> indexedSessions = new HashMap<>();
    final List<Set<String>> lookups = new ArrayList<>();
    final SessionsInFlight inFlight = new SessionsInFlight();
    final StoredVersions stored = new StoredVersions(100);
    final BatchPlanner planner = new BatchPlanner(this::read, "accrue.sessions", ids -> {
        lookups.add(ids);
        Map<String, CatalogSession> found = new HashMap<>();
        ids.forEach(id -> {
            if (indexedSessions.containsKey(id)) {
                found.put(id, indexedSessions.get(id));
            }
        });
        return found;
    }, inFlight, stored);
    long offset;

    SpecificRecord read(ConsumerRecord<String, byte[]> record) {
        if (!values.containsKey(record)) {
            throw new SerializationException("Unknown magic byte 110");
        }
        return values.get(record);
    }

    ConsumerRecord<String, byte[]> record(String topic, String key, SpecificRecord value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, offset++, key, new byte[] {1});
        values.put(record, value);
        return record;
    }

    @Test
    void attendanceUsesASessionFromTheSameBatchWithoutLookingItUp() {
        BatchPlanner.Plan plan = planner.plan(List.of(
                record("accrue.sessions", "S1", S1),
                record("accrue.attendance", "L1", Events.attendance("e1", "S1", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z"))));
        AttendanceDocument doc = (AttendanceDocument) ((DocumentWrite.Put) plan.writes().get(1).write()).document();
        assertThat(doc.sessionResolved()).isTrue();
        assertThat(doc.title()).isEqualTo("Ethics");
        assertThat(lookups).isEmpty();
        assertThat(plan.sessionsDefined()).containsExactly("S1"); // attendance indexed earlier may wait for it
    }

    @Test
    void attendanceLooksUpIndexedSessionsOnceForTheWholeBatch() {
        indexedSessions.put("S2", EventMapper.session(S2));
        BatchPlanner.Plan plan = planner.plan(List.of(
                record("accrue.attendance", "L1", Events.attendance("e1", "S2", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z")),
                record("accrue.attendance", "L2", Events.attendance("e2", "S2", "L2", AttendanceType.JOINED, "2025-01-06T10:00:00Z")),
                record("accrue.attendance", "L3", Events.attendance("e3", "S9", "L3", AttendanceType.JOINED, "2025-01-06T10:00:00Z"))));
        assertThat(lookups).containsExactly(Set.of("S2", "S9"));
        assertThat(plan.writes()).filteredOn(p -> p.write().index().equals(Indices.ATTENDANCE))
                .extracting(p -> ((AttendanceDocument) ((DocumentWrite.Put) p.write()).document()).sessionResolved())
                .containsExactly(true, true, false);
        assertThat(plan.sessionsDefined()).isEmpty(); // e3 is completed by its own batch, from the document it planned
    }

    @Test
    void aSessionAnotherBatchReadIsUsedUntilThatBatchIsFinished() {
        BatchPlanner.Plan sessions = planner.plan(List.of(record("accrue.sessions", "S2", S2)));
        BatchPlanner.Plan attendance = planner.plan(List.of(
                record("accrue.attendance", "L1", Events.attendance("e1", "S2", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z"))));
        assertThat(lookups).isEmpty();
        assertThat(((AttendanceDocument) ((DocumentWrite.Put) attendance.writes().get(0).write()).document()).title())
                .isEqualTo("Telehealth");

        planner.finished(sessions);
        planner.plan(List.of(
                record("accrue.attendance", "L2", Events.attendance("e2", "S2", "L2", AttendanceType.JOINED, "2025-01-06T10:00:00Z"))));
        assertThat(lookups).containsExactly(Set.of("S2"));
    }

    @Test
    void attendingAlsoWritesTheParticipationAndEnrolmentAndLeavingDoesNotGroupedByIndex() {
        indexedSessions.put("S2", EventMapper.session(S2));
        ConsumerRecord<String, byte[]> joined = record("accrue.attendance", "L1",
                Events.attendance("e1", "S2", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z"));
        ConsumerRecord<String, byte[]> left = record("accrue.attendance", "L1",
                Events.attendance("e2", "S2", "L1", AttendanceType.LEFT, "2025-01-06T11:00:00Z"));
        BatchPlanner.Plan plan = planner.plan(List.of(joined, left));
        assertThat(plan.writes()).extracting(p -> p.write().index() + " " + p.write().id() + " " + p.eventId())
                .containsExactly("accrue-attendance S2|e1 e1", "accrue-attendance S2|e2 e2", "accrue-participations L1|S2 e1",
                        "accrue-enrolments L1|acme/C2 e1");
        assertThat(plan.writes().get(2).record()).isSameAs(joined);
        assertThat(plan.writes().get(3).record()).isSameAs(joined);
    }

    @Test
    void anUnreadableRecordIsRejectedAndTheRestOfTheBatchIsPlanned() {
        ConsumerRecord<String, byte[]> corrupt = new ConsumerRecord<>("accrue.attendance", 0, 7, "L1", "junk".getBytes());
        BatchPlanner.Plan plan = planner.plan(List.of(corrupt, record("accrue.sessions", "S1", S1)));
        assertThat(plan.rejected()).singleElement().satisfies(r -> {
            assertThat(r.record()).isSameAs(corrupt);
            assertThat(r.unreadable()).isTrue();
            assertThat(r.reason()).contains("Unknown magic byte");
        });
        assertThat(plan.writes()).singleElement().satisfies(p -> assertThat(p.write().index()).isEqualTo(Indices.SESSIONS));
    }

    @Test
    void aSessionTombstoneDeletesAndOtherTombstonesAreSkipped() {
        BatchPlanner.Plan plan = planner.plan(List.of(record("accrue.sessions", "S1", null),
                record("accrue.attendance", "L1", null)));
        assertThat(plan.writes()).extracting(Planned::write).containsExactly(new DocumentWrite.Delete(Indices.SESSIONS, "S1"));
        assertThat(plan.rejected()).isEmpty();
    }

    @Test
    void ofWritesToOneDocumentOnlyTheOneThatCanWinIsSent() {
        indexedSessions.put("S1", EventMapper.session(S1));
        indexedSessions.put("S2", EventMapper.session(S2));
        var rejoined = record("accrue.attendance", "L1", Events.attendance("e2", "S1", "L1", AttendanceType.JOINED, "2025-01-06T10:30:00Z"));
        var joined = record("accrue.attendance", "L1", Events.attendance("e1", "S1", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z"));
        var revised = record("accrue.credits", "L1", Events.award(S1, "L1", ApprovalBody.APA, 2, 1, "2025-01-06T12:00:00Z"));
        var original = record("accrue.credits", "L1", Events.award(S1, "L1", ApprovalBody.APA, 1, 2, "2025-01-06T12:00:00Z"));

        BatchPlanner.Plan plan = planner.plan(List.of(rejoined, joined, revised, original));

        // Both attendance documents; one participation and one enrolment, from the earlier join; the later revision.
        assertThat(plan.writes()).extracting(p -> p.write().index() + " " + p.eventId())
                .containsExactly("accrue-attendance e2", "accrue-attendance e1", "accrue-participations e1",
                        "accrue-enrolments e1", "accrue-awards " + ((dev.accrue.events.CreditAward) values.get(revised)).getAwardId());
        assertThat(plan.writes()).filteredOn(p -> p.write().index().equals(Indices.AWARDS))
                .extracting(p -> ((DocumentWrite.Put) p.write()).externalVersion().getAsLong()).containsExactly(2L);
    }

    @Test
    void aDocumentTheBatchAlsoDeletesKeepsAllItsWritesInOrder() {
        Session edited = Session.newBuilder(S1).setUpdatedAt(S1.getUpdatedAt().plusSeconds(60)).build();
        BatchPlanner.Plan plan = planner.plan(List.of(record("accrue.sessions", "S1", S1),
                record("accrue.sessions", "S1", null), record("accrue.sessions", "S1", edited)));
        assertThat(plan.writes()).extracting(p -> p.write().getClass().getSimpleName())
                .containsExactly("Put", "Delete", "Put");
    }

    @Test
    void aWriteTheIndexIsKnownToHoldAsHighAVersionOfIsNotSentAgain() {
        indexedSessions.put("S1", EventMapper.session(S1));
        BatchPlanner.Plan first = planner.plan(List.of(
                record("accrue.attendance", "L1", Events.attendance("e1", "S1", "L1", AttendanceType.JOINED, "2025-01-06T10:00:00Z"))));
        planner.answered(first.writes().stream()
                .map(p -> new dev.accrue.search.indexing.elastic.ItemResult(p.write(), 201, null)).toList());

        BatchPlanner.Plan rejoined = planner.plan(List.of(
                record("accrue.attendance", "L1", Events.attendance("e2", "S1", "L1", AttendanceType.JOINED, "2025-01-06T10:30:00Z"))));
        BatchPlanner.Plan earlier = planner.plan(List.of(
                record("accrue.attendance", "L1", Events.attendance("e0", "S1", "L1", AttendanceType.JOINED, "2025-01-06T09:50:00Z"))));

        // The later join would only answer 409 for the participation and the enrolment; the earlier one wins them.
        assertThat(rejoined.writes()).extracting(p -> p.write().index()).containsExactly(Indices.ATTENDANCE);
        assertThat(earlier.writes()).extracting(p -> p.write().index())
                .containsExactly(Indices.ATTENDANCE, Indices.PARTICIPATIONS, Indices.ENROLMENTS);
    }
}
