package dev.accrue.ingest.catalog.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.catalog.ApprovalBody;
import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.catalog.Session;
import dev.accrue.ingest.catalog.SessionClosure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionMapperTest {

    static final Instant START = Instant.parse("2025-03-01T17:00:00Z");

    @Test
    void aLiveSessionSurvivesTheRoundTripThroughAvro() {
        Session session = new Session("s-1", "c-1", "acme", "Ethics", "desc", Format.LIVE_WEBINAR, START,
                START.plusSeconds(3 * 3600), "America/Los_Angeles",
                List.of(new Session.TimeRange(START.plusSeconds(3600), START.plusSeconds(4500))), 2.75,
                List.of(new Session.CategoryHours(Category.LAW_AND_ETHICS, 2.0)),
                List.of(new Session.Approval(ApprovalBody.ASWB_ACE, null, "ACE-9"),
                        new Session.Approval(ApprovalBody.STATE_BOARD, "FL", "20-654321", "50-1234")), null, Instant.parse("2025-02-01T00:00:00.123Z"),
                new Session.AttendancePolicy(5, null), "Online, Zoom", List.of("Dana Reyes, PhD"));

        assertThat(SessionMapper.fromAvro(SessionMapper.toAvro(session))).isEqualTo(session);
        assertThat(SessionMapper.known(SessionMapper.toAvro(session)))
                .isEqualTo(new KnownSession("s-1", "acme", Format.LIVE_WEBINAR, "America/Los_Angeles"));
    }

    @Test
    void aSelfStudySessionKeepsItsPassingScoreAndNoSchedule() {
        Session session = new Session("s-2", "c-2", "acme", "Home", "", Format.SELF_STUDY, null, null, null, List.of(),
                1.0, List.of(), List.of(), 75.0, START, null, null, List.of());

        assertThat(SessionMapper.fromAvro(SessionMapper.toAvro(session))).isEqualTo(session);
    }

    @Test
    void aClosureSurvivesTheRoundTrip() {
        SessionClosure closure = new SessionClosure("s-1", "acme", START);

        assertThat(SessionMapper.fromAvro(SessionMapper.toAvro(closure))).isEqualTo(closure);
    }
}
