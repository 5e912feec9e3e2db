package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.SessionDefinition;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Self-study credit: the full {@code creditHours} for every approval body once a post-test is
 * passed, i.e. scored at least the session's passing score (when the session sets none, the
 * default of the rules in force on the day of that completion, so a later rule file never fails a
 * test already passed). Only the first passing completion counts, earliest by time of completion,
 * so later or repeated completions never move the completion date. Passing completions at the same
 * instant credit the same, so ties need no event id (which a provider chooses).
 */
final class SelfStudyPolicy {

    static Optional<AttendanceFact> firstPassingCompletion(Collection<AttendanceFact> facts, SessionDefinition session,
                                                           Function<Instant, CreditRules> rulesAt) {
        return facts.stream()
                .filter(f -> f.type() == AttendanceType.SELF_STUDY_COMPLETED)
                .filter(f -> f.score() != null && f.score() >= passingScore(session, rulesAt.apply(f.at())))
                .min(Comparator.naturalOrder());
    }

    private static double passingScore(SessionDefinition session, CreditRules rules) {
        return session.passingScore() != null ? session.passingScore() : rules.defaultPassingScore();
    }

    private SelfStudyPolicy() {
    }
}
