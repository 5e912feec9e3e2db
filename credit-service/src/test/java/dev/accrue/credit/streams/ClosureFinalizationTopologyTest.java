package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.CreditAward;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A provider's closure comes from its own topic and may be seen before attendance that ingest
 * accepted before the closure (always after a restart). A closed session is final only once the
 * task has read attendance published after the closure, or has read no attendance for the settle
 * period (10 s here, checked every 5 s) since it saw the closure. Session {@code sess-1} runs
 * 09:00-12:00 with APA (all-or-nothing, 15 minutes allowed) and IACET (partial).
 */
class ClosureFinalizationTopologyTest extends CreditTopologyHarness {

    static final Duration CHECK = SETTINGS.finalizationCheckInterval();

    /** Attendance of this task for some other session, not known here: it is held, and shows the task still reading. */
    private static Attendance elsewhere() {
        return new Attendance(UUID.randomUUID().toString(), "sess-elsewhere", LICENSEE, AttendanceType.JOINED,
                Fixtures.at("09:00"), null, null);
    }

    /** The provider's batch was published now; the provider closes the session a second later. */
    private Instant batchThenClosure() {
        Instant batch = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        closeOnly(SESSION);
        return batch;
    }

    @Test
    void attendancePublishedBeforeTheClosureButReadAfterItIsCreditedOnceOnAllOfIt() {
        Instant batch = batchThenClosure();
        attendPublishedAt(batch, joined("09:00"), left("10:00"));
        assertThat(credits.isEmpty()).as("not final on the JOINED alone").isTrue();

        settle();
        // One hour of three: IACET 1.0 h; APA (all-or-nothing, 120 minutes missed) nothing.
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision,
                CreditAward::getHours).containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1, 1.0));
        assertThat(certificates.readValuesToList()).extracting(CertificateIssued::getRevision, c -> c.getAwards().size())
                .containsExactly(tuple(1, 1));
        passTime(Duration.ofMinutes(1));
        assertThat(credits.isEmpty()).isTrue();
        assertThat(certificates.isEmpty()).isTrue();
    }

    @Test
    void oneHourOfAnApaOnlySessionClosedBeforeItsAttendanceWasReadGetsNoAwardAndNoCertificate() {
        sessions.pipeInput(SESSION, CatalogMapper.toAvro(live(3, ApprovalBody.APA), clock.instant()));
        Instant batch = batchThenClosure();
        attendPublishedAt(batch, joined("09:00"), left("10:00"));
        settle();
        passTime(Duration.ofMinutes(1));
        assertThat(credits.isEmpty()).isTrue();
        assertThat(certificates.isEmpty()).isTrue();
    }

    @Test
    void aClosureWithNoAttendanceReadAfterItIsFinalOnceTheSettlePeriodHasPassed() {
        attend(joined("09:00"), left("12:00"));
        clock.advance(Duration.ofMinutes(1));
        closeOnly(SESSION);
        passTime(CHECK); // the first check sees the closure
        passTime(CHECK);
        assertThat(credits.isEmpty()).as("5 s after the closure was seen").isTrue();

        passTime(CHECK);
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactlyInAnyOrder(tuple(dev.accrue.events.ApprovalBody.APA, 3.0),
                        tuple(dev.accrue.events.ApprovalBody.IACET, 3.0));
    }

    @Test
    void readingAttendancePublishedAfterTheClosureMakesTheSessionFinalWithoutWaitingToSettle() {
        Instant batch = batchThenClosure();
        attendPublishedAt(batch, joined("09:00"), left("10:00"));
        clock.advance(Duration.ofSeconds(1));
        attend(elsewhere()); // published after the closure: everything before it in the partition has been read

        passTime(CHECK);
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1.0));
    }

    @Test
    void aLeavePublishedAfterTheClosureMakesCreditFinalAtOnceOnEverythingRead() {
        Instant batch = batchThenClosure();
        attendPublishedAt(batch, joined("09:00"));
        clock.advance(Duration.ofSeconds(1));
        attend(left("10:00"));
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision,
                CreditAward::getHours).containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1, 1.0));
    }

    @Test
    void whileABacklogOfAttendanceIsReadTheClosureDoesNotSettle() {
        Instant batch = batchThenClosure();
        attendPublishedAt(batch, joined("09:00"));
        for (int i = 0; i < 6; i++) { // 30 s of backlog, all published before the closure: three settle periods
            passTime(CHECK);
            attendPublishedAt(batch, elsewhere());
        }
        assertThat(credits.isEmpty()).isTrue();

        attendPublishedAt(batch, left("10:00")); // the end of the backlog
        settle();
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision,
                CreditAward::getHours).containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1, 1.0));
        assertThat(certificates.readValuesToList()).hasSize(1);
    }

    @Test
    void attendanceReadAfterTheSessionBecameFinalStillRevisesTheAwardAndTheCertificate() {
        Instant batch = clock.instant();
        attend(joined("09:00"));
        clock.advance(Duration.ofSeconds(1));
        close(); // settles on the JOINED alone: 3 h each
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision,
                CreditAward::getHours).containsExactlyInAnyOrder(tuple(dev.accrue.events.ApprovalBody.APA, 1, 3.0),
                        tuple(dev.accrue.events.ApprovalBody.IACET, 1, 3.0));

        attendPublishedAt(batch, left("10:00")); // a straggler from before the closure, read only now
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision,
                CreditAward::getHours).containsExactlyInAnyOrder(tuple(dev.accrue.events.ApprovalBody.APA, 2, 0.0),
                        tuple(dev.accrue.events.ApprovalBody.IACET, 2, 1.0));
        assertThat(certificates.readValuesToList()).extracting(CertificateIssued::getRevision).containsExactly(1, 2);
    }
}
