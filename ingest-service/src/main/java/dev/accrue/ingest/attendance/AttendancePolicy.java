package dev.accrue.ingest.attendance;

import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules an attendance event must meet: ids follow the id syntax; type is JOINED, LEFT or
 * SELF_STUDY_COMPLETED; occurredAt has an offset and is not in the future (5 minutes of clock skew
 * allowed); score is a percentage, given only with SELF_STUDY_COMPLETED; connectionId is optional,
 * follows the id syntax and is given only with JOINED and LEFT. Against the session:
 * JOINED and LEFT belong to live sessions, SELF_STUDY_COMPLETED to self-study ones.
 */
public final class AttendancePolicy {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static AttendanceEvent validate(AttendanceInput in, AttendanceSource source, Instant now) {
        Checks checks = new Checks();
        String eventId = checks.id("eventId", in.eventId());
        String sessionId = checks.id("sessionId", in.sessionId());
        String licenseeId = checks.id("licenseeId", in.licenseeId());
        AttendanceType type = checks.oneOf("type", in.type(), AttendanceType.class);
        Instant occurredAt = checks.instant("occurredAt", in.occurredAt());
        Double score = score(checks, type, in.score());
        String connectionId = connectionId(checks, type, in.connectionId());
        if (occurredAt != null && occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            checks.fail("occurredAt", "must not be in the future (got " + in.occurredAt() + ", now is " + now + ")");
        }
        checks.throwIfAny();
        return new AttendanceEvent(eventId, sessionId, licenseeId, type, occurredAt, score, connectionId, source, now);
    }

    private static Double score(Checks checks, AttendanceType type, Double score) {
        if (score != null && type != null && type != AttendanceType.SELF_STUDY_COMPLETED) {
            checks.fail("score", "is only for SELF_STUDY_COMPLETED events");
            return null;
        }
        return checks.percent("score", score);
    }

    private static String connectionId(Checks checks, AttendanceType type, String connectionId) {
        if (connectionId == null) {
            return null; // events without a connection are counted as before connections existed
        }
        if (type == AttendanceType.SELF_STUDY_COMPLETED) {
            checks.fail("connectionId", "is only for JOINED and LEFT events");
            return null;
        }
        if (!Checks.isId(connectionId)) { // an empty one too: absent is null, not ""
            checks.fail("connectionId", "must be " + Checks.ID_RULE + ", or left out");
            return null;
        }
        return connectionId;
    }

    /** The event's type must suit how the session is delivered; empty when it does. */
    public static List<FieldError> checkAgainst(AttendanceEvent event, KnownSession session) {
        if (session.format() == null) {
            return List.of(); // a format newer than this service: nothing to check against
        }
        boolean selfStudyEvent = event.type() == AttendanceType.SELF_STUDY_COMPLETED;
        boolean selfStudySession = session.format() == Format.SELF_STUDY;
        if (selfStudyEvent == selfStudySession) {
            return List.of();
        }
        return List.of(new FieldError("type", selfStudySession
                ? "session '" + session.sessionId() + "' is SELF_STUDY; only SELF_STUDY_COMPLETED events apply to it"
                : "session '" + session.sessionId() + "' is " + session.format()
                        + "; SELF_STUDY_COMPLETED applies only to SELF_STUDY sessions, use JOINED and LEFT"));
    }

    private AttendancePolicy() {
    }
}
