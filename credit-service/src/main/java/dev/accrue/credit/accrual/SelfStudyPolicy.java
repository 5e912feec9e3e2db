package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.SessionDefinition;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Self-study credit: the full {@code creditHours} for every approval body once a post-test is
 * passed, i.e. scored at least the session's passing score (the rule file default when the
 * session sets none). Only the first passing completion counts, earliest by time of completion
 * (then by event id), so later or repeated completions never move the completion date.
 */
final class SelfStudyPolicy {

    static Optional<Attendance> firstPassingCompletion(Collection<Attendance> events, SessionDefinition session,
                                                       CreditRules rules) {
        double passing = session.passingScore() != null ? session.passingScore() : rules.defaultPassingScore();
        return events.stream()
                .filter(e -> e.type() == AttendanceType.SELF_STUDY_COMPLETED)
                .filter(e -> e.score() != null && e.score() >= passing)
                .min(Comparator.comparing(Attendance::occurredAt).thenComparing(Attendance::eventId));
    }

    private SelfStudyPolicy() {
    }
}
