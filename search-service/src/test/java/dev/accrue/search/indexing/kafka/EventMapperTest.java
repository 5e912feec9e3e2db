package dev.accrue.search.indexing.kafka;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.ApprovalBody.NBCC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.Category;
import dev.accrue.events.ComplianceState;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Attendance;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.AwardDocument;
import dev.accrue.search.indexing.CertificateDocument;
import dev.accrue.search.indexing.ComplianceDocument;
import dev.accrue.search.indexing.DocumentWrite;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every field of every indexed event reaches its document (the search service only reads, so one way). */
class EventMapperTest {

    static final Session SESSION = Events.session("S1", "C1", "acme", "Ethics", Format.LIVE_WEBINAR, 3,
            List.of(Events.hours(Category.LAW_AND_ETHICS, 2), Events.hours(Category.GENERAL, 1)), List.of(APA, NBCC));

    @Test
    void sessionsKeepTheirCatalogFields() {
        CatalogSession s = EventMapper.session(SESSION);
        assertThat(s.sessionId()).isEqualTo("S1");
        assertThat(s.courseKey()).isEqualTo("acme/C1");
        assertThat(s.description()).isEqualTo("About Ethics");
        assertThat(s.format()).isEqualTo("LIVE_WEBINAR");
        assertThat(s.creditHours()).isEqualTo(3.0);
        assertThat(s.categoryHours()).extracting(c -> c.category() + "=" + c.hours())
                .containsExactly("LAW_AND_ETHICS=2.0", "GENERAL=1.0");
        assertThat(s.approvals()).extracting(a -> a.body() + ":" + a.approvalId()).containsExactly("APA:APA-1234", "NBCC:NBCC-1234");
        assertThat(s.startsAt()).isEqualTo(Instant.parse("2025-01-01T15:00:00Z"));
        assertThat(s.updatedAt()).isEqualTo(SESSION.getUpdatedAt());
    }

    @Test
    void attendanceKeepsTypeTimesScoreAndSource() {
        Attendance a = EventMapper.attendance(Events.attendance("e1", "S1", "L1", AttendanceType.SELF_STUDY_COMPLETED,
                "2025-01-06T15:00:00Z"));
        assertThat(a).isEqualTo(new Attendance("e1", "S1", "L1", "SELF_STUDY_COMPLETED",
                Instant.parse("2025-01-06T15:00:00Z"), 90.0, "API", Instant.parse("2025-01-06T15:00:05Z"), null));
    }

    @Test
    void aJoinedKeepsItsConnectionAndItsDocumentIndexesIt() {
        AttendanceEvent event = Events.attendance("e2", "S1", "L1", AttendanceType.JOINED, "2025-01-06T15:00:00Z");
        event.setConnectionId("zoom-row-1");

        Attendance a = EventMapper.attendance(event);

        assertThat(a.connectionId()).isEqualTo("zoom-row-1");
        assertThat(AttendanceDocument.pending(a).connectionId()).isEqualTo("zoom-row-1");
    }

    @Test
    void awardsAreVersionedByRevisionAndKeepTheirScaledCategories() {
        CreditAward award = Events.award(SESSION, "L1", APA, 2, 1.5, "2025-01-06T18:00:00Z");
        AwardDocument doc = EventMapper.award(award);
        assertThat(doc.awardId()).isEqualTo("L1|S1|APA");
        assertThat(doc.revision()).isEqualTo(2);
        assertThat(doc.participation()).isEqualTo("L1|S1");
        assertThat(doc.courseKey()).isEqualTo("acme/C1");
        assertThat(doc.body()).isEqualTo("APA");
        assertThat(doc.hours()).isEqualTo(1.5);
        assertThat(doc.earned()).isTrue();
        assertThat(doc.categoryHours()).extracting(c -> c.category() + "=" + c.hours())
                .containsExactly("LAW_AND_ETHICS=1.0", "GENERAL=0.5");
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS", "GENERAL");
        assertThat(doc.attendedMinutes()).isEqualTo(90);
        assertThat(doc.completedAt()).isEqualTo(Instant.parse("2025-01-06T18:00:00Z"));
        DocumentWrite.Put put = (DocumentWrite.Put) doc.write();
        assertThat(put.externalVersion()).isEqualTo(OptionalLong.of(2));
        assertThat(EventMapper.award(Events.award(SESSION, "L1", APA, 3, 0, "2025-01-06T18:00:00Z")).earned()).isFalse();
    }

    @Test
    void certificatesCountTheLargestAwardAndAnEmptyOneIsRevoked() {
        CreditAward apa = Events.award(SESSION, "L1", APA, 1, 3, "2025-01-06T18:00:00Z");
        CreditAward nbcc = Events.award(SESSION, "L1", NBCC, 1, 2, "2025-01-06T18:00:00Z");
        CertificateDocument doc = EventMapper.certificate(Events.certificate(SESSION, "L1", 4, List.of(apa, nbcc),
                "2025-01-06T18:05:00Z"));
        assertThat(doc.creditHours()).isEqualTo(3.0);
        assertThat(doc.bodies()).containsExactly("APA", "NBCC");
        assertThat(doc.categories()).containsExactly("LAW_AND_ETHICS", "GENERAL");
        assertThat(doc.revoked()).isFalse();
        assertThat(((DocumentWrite.Put) doc.write()).externalVersion()).isEqualTo(OptionalLong.of(4));
        assertThat(EventMapper.certificate(Events.certificate(SESSION, "L1", 5, List.of(), "2025-01-07T00:00:00Z"))
                .revoked()).isTrue();
    }

    @Test
    void complianceIsOneDocumentPerLicenceVersionedByEvaluationTime() {
        ComplianceDocument doc = EventMapper.compliance(Events.compliance("L1", "CA-BBS", ComplianceState.AT_RISK,
                "2025-01-20T19:00:00Z"));
        assertThat(doc.status()).isEqualTo("AT_RISK");
        assertThat(doc.cycleEnd()).isEqualTo(LocalDate.parse("2025-12-31"));
        DocumentWrite.Put put = (DocumentWrite.Put) doc.write();
        assertThat(put.id()).isEqualTo("L1|CA-BBS|LMFT");
        assertThat(put.externalVersion()).isEqualTo(OptionalLong.of(Instant.parse("2025-01-20T19:00:00Z").toEpochMilli()));
    }
}
