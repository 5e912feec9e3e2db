package dev.accrue.credit.accrual;

import dev.accrue.credit.accrual.AccrualEvent.AttendanceRecorded;
import dev.accrue.credit.accrual.AccrualEvent.AttendanceRefused;
import dev.accrue.credit.accrual.AccrualEvent.AwardDecided;
import dev.accrue.credit.accrual.AccrualEvent.CertificateDecided;
import dev.accrue.credit.accrual.AccrualEvent.SessionFinalized;
import dev.accrue.credit.accrual.AccrualInput.FinalizeSession;
import dev.accrue.credit.accrual.AccrualInput.RecordAttendance;
import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.CertificatePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credit for one licensee in one session, as two pure functions: {@code decide} turns an input into events
 * (its rules are on it); {@code evolve} applies an event to the state.
 */
public final class AccrualDecider {

    /**
     * The events an input leads to:
     *
     * <ul>
     *   <li>An attendance event whose fact is held already changes nothing (idempotency): the same fact again,
     *       under any event id, is a repeat ({@link AttendanceFact}).</li>
     *   <li>A new fact past {@link AccrualLimit} is refused, and nothing else changes.</li>
     *   <li>A live session's awards are decided when it is finalized; attendance after that is
     *       applied at once and yields a new award revision only when the hours change (0 = revoked).</li>
     *   <li>Self-study has nothing to wait for: every recorded completion is assessed at once.</li>
     *   <li>An award is first issued only with hours above 0; its revision then grows by one per change.</li>
     *   <li>The certificate follows the awards ({@link CertificatePolicy}).</li>
     * </ul>
     */
    public static List<AccrualEvent> decide(Accrual state, AccrualInput input, CreditRuleBook rules, Instant now) {
        List<AccrualEvent> events = new ArrayList<>();
        if (input instanceof RecordAttendance record) {
            AttendanceFact fact = AttendanceFact.of(record.attendance());
            if (state.holds(fact)) {
                return List.of();
            }
            Optional<String> refusal = AccrualLimit.refusal(state, fact);
            if (refusal.isPresent()) {
                return List.of(new AttendanceRefused(record.attendance(), refusal.get()));
            }
            events.add(new AttendanceRecorded(record.attendance(), now));
            if (input.session().isSelfStudy() || state.finalized()) {
                events.addAll(assess(evolve(state, events.get(0)), input, rules, now));
            }
        } else if (input instanceof FinalizeSession finalize) {
            if (state.finalized() || input.session().isSelfStudy()) {
                return List.of();
            }
            SessionFinalized finalized = new SessionFinalized(finalize.reason(), now);
            events.add(finalized);
            events.addAll(assess(evolve(state, finalized), input, rules, now));
        }
        return events;
    }

    public static Accrual evolve(Accrual state, AccrualEvent event) {
        if (event instanceof AttendanceRecorded recorded) {
            return state.with(AttendanceFact.of(recorded.attendance()), recorded.receivedAt());
        }
        if (event instanceof AttendanceRefused) {
            return state;
        }
        if (event instanceof SessionFinalized) {
            return new Accrual(state.licenseeId(), state.sessionId(), state.facts(), state.lastAttendanceAt(), true,
                    state.awards(), state.certificate());
        }
        if (event instanceof AwardDecided decided) {
            Map<ApprovalKey, Award> awards = new HashMap<>(state.awards());
            awards.put(decided.award().approval(), decided.award());
            return new Accrual(state.licenseeId(), state.sessionId(), state.facts(), state.lastAttendanceAt(),
                    state.finalized(), awards, state.certificate());
        }
        CertificateDecided certificate = (CertificateDecided) event;
        return new Accrual(state.licenseeId(), state.sessionId(), state.facts(), state.lastAttendanceAt(),
                state.finalized(), state.awards(), certificate.certificate());
    }

    /** Award revisions for every approval whose hours changed, then the certificate if its awards changed. */
    private static List<AccrualEvent> assess(Accrual state, AccrualInput input, CreditRuleBook rules, Instant now) {
        SessionDefinition session = input.session();
        List<AccrualEvent> events = new ArrayList<>();
        Accrual next = state;
        for (SessionCredit.Outcome outcome : SessionCredit.assess(state.facts(), session, rules, now).values()) {
            Award previous = state.awards().get(outcome.approval().key());
            boolean changed = previous == null ? outcome.hours() > 0 : previous.hours() != outcome.hours();
            if (changed) {
                AwardDecided decided = new AwardDecided(award(state, session, outcome, previous, now));
                events.add(decided);
                next = evolve(next, decided);
            }
        }
        if (!events.isEmpty()) {
            CertificatePolicy.next(next.certificate(), next.awards().values(), session, input.licensee(), now)
                    .ifPresent(c -> events.add(new CertificateDecided(c)));
        }
        return events;
    }

    private static Award award(Accrual state, SessionDefinition session, SessionCredit.Outcome outcome, Award previous,
                               Instant now) {
        return new Award(
                AwardId.of(state.licenseeId(), session.sessionId(), outcome.approval().key()),
                previous == null ? 1 : previous.revision() + 1,
                state.licenseeId(), session.sessionId(), session.courseId(), session.providerId(), session.title(),
                session.format(), outcome.approval().body(), outcome.approval().jurisdiction(),
                outcome.approval().approvalId(), outcome.hours(),
                outcome.ceu(), outcome.categories(), outcome.attendedMinutes(), outcome.scheduledMinutes(),
                outcome.completedAt() != null ? outcome.completedAt() : previous != null ? previous.completedAt() : now,
                now, outcome.ruleVersion());
    }

    private AccrualDecider() {
    }
}
