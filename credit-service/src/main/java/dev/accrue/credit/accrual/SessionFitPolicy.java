package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.SessionDefinition;
import java.util.Optional;

/**
 * Whether an event can be credited against its session at all: a self-study completion only against a
 * self-study session, and a join or leave only against a live one. Ingest checks this too, but a
 * session may change format after the event was accepted, so credit decides against the session it holds.
 */
public final class SessionFitPolicy {

    /** Why the event does not fit the session; empty when it does. */
    public static Optional<String> misfit(Attendance attendance, SessionDefinition session) {
        boolean completion = attendance.type() == AttendanceType.SELF_STUDY_COMPLETED;
        if (completion == session.isSelfStudy()) {
            return Optional.empty();
        }
        return Optional.of(attendance.type() + " does not fit session '" + session.sessionId() + "', which is "
                + (session.isSelfStudy() ? "self-study" : "live"));
    }

    private SessionFitPolicy() {
    }
}
