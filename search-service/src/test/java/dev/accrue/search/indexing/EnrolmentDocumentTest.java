package dev.accrue.search.indexing;

import static dev.accrue.search.indexing.DenormalisationTest.SESSION;
import static dev.accrue.search.indexing.DenormalisationTest.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.catalog.CatalogSession;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which attendance writes a licensee's enrolment in a course, under which id and version. */
class EnrolmentDocumentTest {

    /** A second session of SESSION's course. */
    static final CatalogSession REPEAT = CatalogSession.of("S2", "C1", "acme", "Ethics Online (repeat)", "desc", "IN_PERSON",
            3, SESSION.categoryHours(), SESSION.approvals(), null, null, null, Instant.parse("2025-01-01T00:00:00Z"));

    static Attendance at(String sessionId, String type, Instant time) {
        return new Attendance("e-" + sessionId + time, sessionId, "L1", type, time, null, "API", time, null);
    }

    @Test
    void anAttendingEventWritesTheEnrolmentOfItsLicenseeInTheCourseWithItsSessionsFields() {
        DocumentWrite.Put put = (DocumentWrite.Put) AttendanceDocument.of(joined(), SESSION).writes().get(2);
        assertThat(put.index()).isEqualTo(Indices.ENROLMENTS);
        assertThat(put.id()).isEqualTo("L1|acme/C1");
        EnrolmentDocument doc = (EnrolmentDocument) put.document();
        assertThat(doc.sessionId()).isEqualTo("S1");
        assertThat(doc.occurredAt()).isEqualTo(joined().occurredAt());
        assertThat(doc.courseId()).isEqualTo("C1");
        assertThat(doc.providerId()).isEqualTo("acme");
        assertThat(doc.title()).isEqualTo("Ethics Online");
        assertThat(doc.format()).isEqualTo("LIVE_WEBINAR");
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS", "TELEHEALTH");
        assertThat(doc.bodies()).containsExactly("APA", "NBCC");
        assertThat(put.externalVersion()).hasValue(doc.version());
    }

    @Test
    void everySessionOfTheCourseWritesTheSameEnrolmentAndTheEarliestEventHasTheHighestVersion() {
        Instant first = joined().occurredAt();
        EnrolmentDocument earlier = EnrolmentDocument.of(AttendanceDocument.of(at("S2", "JOINED", first), REPEAT)).orElseThrow();
        EnrolmentDocument later = EnrolmentDocument.of(AttendanceDocument.of(at("S1", "SELF_STUDY_COMPLETED",
                first.plusMillis(1)), SESSION)).orElseThrow();
        assertThat(later.write().id()).isEqualTo(earlier.write().id());
        assertThat(earlier.version()).isGreaterThan(later.version());
    }

    @Test
    void theEnrolmentSharesTheParticipationsVersionSoTheSameEventWinsBoth() {
        AttendanceDocument doc = AttendanceDocument.of(joined(), SESSION);
        assertThat(EnrolmentDocument.of(doc).orElseThrow().version())
                .isEqualTo(ParticipationDocument.of(doc).orElseThrow().version());
    }

    @Test
    void leavingOrAnUnknownSessionWritesNoEnrolmentUntilTheSessionIsKnown() {
        assertThat(EnrolmentDocument.of(AttendanceDocument.of(at("S1", "LEFT", Instant.now()), SESSION))).isEmpty();
        AttendanceDocument pending = AttendanceDocument.pending(joined());
        assertThat(pending.writes()).extracting(DocumentWrite::index)
                .containsExactly(Indices.ATTENDANCE, Indices.PARTICIPATIONS);
        assertThat(pending.resolvedWith(SESSION).writes()).extracting(DocumentWrite::index)
                .containsExactly(Indices.ATTENDANCE, Indices.PARTICIPATIONS, Indices.ENROLMENTS);
    }

    @Test
    void theEnrolmentIdIsShortenedLikeEveryOtherId() {
        String longLicensee = "L".repeat(600);
        Attendance a = new Attendance("e1", "S1", longLicensee, "JOINED", joined().occurredAt(), null, "API", Instant.now(), null);
        assertThat(EnrolmentDocument.of(AttendanceDocument.of(a, SESSION)).orElseThrow().write().id()).startsWith("sha256-");
    }
}
