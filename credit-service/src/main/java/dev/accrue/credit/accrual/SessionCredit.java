package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.attendance.AttendedTime;
import dev.accrue.credit.catalog.Approval;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Hours;
import dev.accrue.credit.catalog.SessionDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The credit each approval body grants for one licensee's attendance in one session, worked out
 * from the complete set of that licensee's attendance facts, so it never depends on their order or repeats.
 * Live sessions use the body's policy from the rule file; self-study uses {@link SelfStudyPolicy}.
 * The rule file is the one in force on the session's local day (its own time zone), so an evening
 * session on 31 December in New York is judged by that year's rules, not by the next year's.
 */
final class SessionCredit {

    /** One body's outcome before it becomes an award revision. */
    record Outcome(Approval approval, double hours, Double ceu, List<CategoryHours> categories, int attendedMinutes,
                   int scheduledMinutes, Instant completedAt, String ruleVersion) {
    }

    static Map<Approval, Outcome> assess(Collection<AttendanceFact> facts, SessionDefinition session, CreditRuleBook book,
                                         Instant now) {
        return session.isSelfStudy() ? selfStudy(facts, session, book, now) : live(facts, session, book);
    }

    private static Map<Approval, Outcome> live(Collection<AttendanceFact> facts, SessionDefinition session,
                                               CreditRuleBook book) {
        CreditRules rules = rulesAt(book, session).apply(session.startsAt());
        AttendedTime time = AttendedTime.of(facts, session);
        Instant completedAt = time.lastPresentAt() != null ? time.lastPresentAt() : session.endsAt();
        Map<Approval, Outcome> outcomes = new LinkedHashMap<>();
        for (Approval approval : session.approvals()) {
            // A body without a policy in the rule file grants nothing rather than guessing.
            double hours = rules.policyFor(approval.body())
                    .map(p -> session.attendancePolicy() == null ? p
                            : new CreditPolicy.WithinProviderPolicy(p, session.attendancePolicy()))
                    .map(p -> p.hours(time, session.creditHours())).orElse(0.0);
            outcomes.put(approval, outcome(approval, hours, session, rules, time.attendedMinutes(),
                    time.scheduledMinutes(), completedAt));
        }
        return outcomes;
    }

    private static Map<Approval, Outcome> selfStudy(Collection<AttendanceFact> facts, SessionDefinition session,
                                                    CreditRuleBook book, Instant now) {
        Function<Instant, CreditRules> rulesAt = rulesAt(book, session);
        Optional<AttendanceFact> passed = SelfStudyPolicy.firstPassingCompletion(facts, session, rulesAt);
        // The award carries the rules that judged its completion; with no pass, today's rules label the zero.
        CreditRules rules = rulesAt.apply(passed.map(AttendanceFact::at).orElse(now));
        int minutes = (int) Math.round(session.creditHours() * 60);
        Map<Approval, Outcome> outcomes = new LinkedHashMap<>();
        for (Approval approval : session.approvals()) {
            double hours = passed.isPresent() ? session.creditHours() : 0;
            outcomes.put(approval, outcome(approval, hours, session, rules, minutes, minutes,
                    passed.map(AttendanceFact::at).orElse(null)));
        }
        return outcomes;
    }

    private static Outcome outcome(Approval approval, double hours, SessionDefinition session, CreditRules rules,
                                   int attended, int scheduled, Instant completedAt) {
        double rounded = Hours.round(hours);
        Double ceu = rules.ceuBodies().contains(approval.body()) ? Hours.ceu(rounded) : null;
        List<CategoryHours> categories = rounded > 0
                ? CategoryHours.scale(session.categories(), rounded, session.creditHours()) : List.of();
        return new Outcome(approval, rounded, ceu, categories, attended, scheduled, completedAt,
                rules.file().label());
    }

    /** The rules in force on the local day, in the session's time zone, of an instant. */
    private static Function<Instant, CreditRules> rulesAt(CreditRuleBook book, SessionDefinition session) {
        ZoneId zone = session.zone();
        return instant -> book.effectiveAt(instant, zone);
    }

    private SessionCredit() {
    }
}
