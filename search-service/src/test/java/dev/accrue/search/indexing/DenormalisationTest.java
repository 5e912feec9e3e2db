package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.catalog.Approval;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.catalog.CategoryHours;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DenormalisationTest {

    static final CatalogSession SESSION = CatalogSession.of("S1", "C1", "acme", "Ethics Online", "desc", "LIVE_WEBINAR", 3,
            List.of(new CategoryHours("LAW_AND_ETHICS", 2), new CategoryHours("TELEHEALTH", 1),
                    new CategoryHours("LAW_AND_ETHICS", 0.5)),
            List.of(new Approval("APA", null, "A-1"), new Approval("NBCC", null, "N-1"), new Approval("APA", null, "A-2")),
            null, null, null, Instant.parse("2025-01-01T00:00:00Z"));

    static Attendance joined() {
        return new Attendance("e1", "S1", "L1", "JOINED", Instant.parse("2025-01-06T15:00:00Z"), null, "API",
                Instant.parse("2025-01-06T15:00:05Z"), null);
    }

    @Test
    void aSessionDerivesItsCourseKeyAndDistinctCategoriesAndBodies() {
        assertThat(SESSION.courseKey()).isEqualTo("acme/C1");
        assertThat(SESSION.categories()).containsExactly("LAW_AND_ETHICS", "TELEHEALTH");
        assertThat(SESSION.bodies()).containsExactly("APA", "NBCC");
    }

    @Test
    void attendanceCopiesWhatAnalystsFilterOnFromItsSession() {
        AttendanceDocument doc = AttendanceDocument.of(joined(), SESSION);
        assertThat(doc.sessionResolved()).isTrue();
        assertThat(doc.courseId()).isEqualTo("C1");
        assertThat(doc.courseKey()).isEqualTo("acme/C1");
        assertThat(doc.providerId()).isEqualTo("acme");
        assertThat(doc.title()).isEqualTo("Ethics Online");
        assertThat(doc.format()).isEqualTo("LIVE_WEBINAR");
        assertThat(doc.creditHours()).isEqualTo(3.0);
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS", "TELEHEALTH");
        assertThat(doc.bodies()).containsExactly("APA", "NBCC");
        assertThat(doc.participation()).isEqualTo("L1|S1");
        assertThat(doc.participant()).isTrue();
    }

    @Test
    void attendanceWithoutItsSessionIsIndexedPendingAndCompletedLater() {
        AttendanceDocument pending = AttendanceDocument.pending(joined());
        assertThat(pending.sessionResolved()).isFalse();
        assertThat(pending.providerId()).isNull();
        assertThat(pending.categories()).isEmpty();
        assertThat(pending.resolvedWith(SESSION)).isEqualTo(AttendanceDocument.of(joined(), SESSION));
    }

    @Test
    void leavingIsNotAttending() {
        Attendance left = new Attendance("e2", "S1", "L1", "LEFT", Instant.now(), null, "API", Instant.now(), null);
        assertThat(AttendanceDocument.of(left, SESSION).participant()).isFalse();
    }

    @Test
    void attendanceIsStoredUnderItsSessionAndEventIdWithoutVersion() {
        DocumentWrite.Put put = (DocumentWrite.Put) AttendanceDocument.of(joined(), SESSION).write();
        assertThat(put.index()).isEqualTo(Indices.ATTENDANCE);
        assertThat(put.id()).isEqualTo("S1|e1");
        assertThat(put.externalVersion()).isEmpty();
    }

    @Test
    void anAttendingEventAlsoWritesItsParticipationVersionedSoTheEarliestWins() {
        List<DocumentWrite> writes = AttendanceDocument.of(joined(), SESSION).writes();
        assertThat(writes).extracting(DocumentWrite::index)
                .containsExactly(Indices.ATTENDANCE, Indices.PARTICIPATIONS, Indices.ENROLMENTS);
        DocumentWrite.Put put = (DocumentWrite.Put) writes.get(1);
        assertThat(put.id()).isEqualTo("L1|S1");
        ParticipationDocument doc = (ParticipationDocument) put.document();
        assertThat(doc.occurredAt()).isEqualTo(joined().occurredAt());
        assertThat(doc.courseKey()).isEqualTo("acme/C1");
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS", "TELEHEALTH");

        Attendance later = new Attendance("e9", "S1", "L1", "JOINED", joined().occurredAt().plusSeconds(60), null, "API",
                Instant.parse("2025-01-06T15:01:05Z"), null);
        ParticipationDocument rejoined = ParticipationDocument.of(AttendanceDocument.of(later, SESSION)).orElseThrow();
        assertThat(rejoined.version()).isLessThan(doc.version());
        // Only the time varies between events of one participation, so events at the same instant write the same document.
        assertThat(ParticipationDocument.of(AttendanceDocument.of(new Attendance("e8", "S1", "L1", "SELF_STUDY_COMPLETED",
                joined().occurredAt(), 90.0, "ZOOM", Instant.now(), null), SESSION))).contains(doc);
    }

    @Test
    void leavingWritesNoParticipation() {
        Attendance left = new Attendance("e2", "S1", "L1", "LEFT", Instant.now(), null, "API", Instant.now(), null);
        assertThat(AttendanceDocument.of(left, SESSION).writes()).extracting(DocumentWrite::index)
                .containsExactly(Indices.ATTENDANCE);
    }

    @Test
    void completingAPendingAttendanceCompletesItsParticipationUnderAHigherVersion() {
        ParticipationDocument pending = ParticipationDocument.of(AttendanceDocument.pending(joined())).orElseThrow();
        ParticipationDocument resolved = ParticipationDocument.of(AttendanceDocument.pending(joined()).resolvedWith(SESSION))
                .orElseThrow();
        assertThat(pending.sessionResolved()).isFalse();
        assertThat(resolved.sessionResolved()).isTrue();
        assertThat(resolved.version()).isEqualTo(pending.version() + 1);
    }

    @Test
    void sessionsAreVersionedByTheirUpdateTime() {
        DocumentWrite.Put put = (DocumentWrite.Put) CatalogWrites.put(SESSION);
        assertThat(put.externalVersion()).isEqualTo(OptionalLong.of(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli()));
        assertThat(CatalogWrites.delete("S1")).isEqualTo(new DocumentWrite.Delete(Indices.SESSIONS, "S1"));
    }

    @Test
    void aCertificateStandsForTheMostHoursAnyOneBodyGranted() {
        assertThat(CertificateDocument.learnedHours(List.of(3.0, 1.5, 3.0))).isEqualTo(3.0);
        assertThat(CertificateDocument.learnedHours(List.of())).isZero();
    }
}
