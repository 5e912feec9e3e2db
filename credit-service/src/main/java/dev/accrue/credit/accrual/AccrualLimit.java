package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendanceFact;
import java.util.Optional;

/**
 * The most distinct attendance facts one licensee's accrual in one session holds. A full-day
 * session with a reconnect every few minutes has a few hundred, so {@value #FACTS} is far above
 * any real attendance, and keeps the stored accrual small (a few kilobytes) and the work per event
 * bounded. A new fact past it is refused with the reason, and the accrual, its awards and its
 * certificate stay as they are; a fact already held is a repeat and is never refused.
 */
public final class AccrualLimit {

    public static final int FACTS = 1000;

    static Optional<String> refusal(Accrual state, AttendanceFact fact) {
        if (state.facts().size() < FACTS || state.holds(fact)) {
            return Optional.empty();
        }
        return Optional.of("Licensee '" + state.licenseeId() + "' already has " + state.facts().size()
                + " distinct attendance facts in session '" + state.sessionId() + "', the most one licensee may have in"
                + " one session (" + FACTS + "); this event was not applied and the credit stays as it is");
    }

    private AccrualLimit() {
    }
}
