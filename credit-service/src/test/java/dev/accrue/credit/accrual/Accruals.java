package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.licensee;

import dev.accrue.credit.accrual.AccrualEvent.AwardDecided;
import dev.accrue.credit.accrual.AccrualEvent.CertificateDecided;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Replays inputs through decide/evolve, as the topology does, and keeps what was emitted. */
final class Accruals {

    static final CreditRuleBook RULES = CreditRuleBook.load();
    static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

    Accrual state;
    final List<AccrualEvent> emitted = new ArrayList<>();
    private final SessionDefinition session;
    private final CreditRuleBook rules;
    private final Instant now;

    Accruals(SessionDefinition session) {
        this(session, RULES, NOW);
    }

    /** Decides with {@code rules} (e.g. several rule versions) as of {@code now}. */
    Accruals(SessionDefinition session, CreditRuleBook rules, Instant now) {
        this.session = session;
        this.rules = rules;
        this.now = now;
        this.state = Accrual.empty(LICENSEE, session.sessionId());
    }

    static Accruals finalizedWith(SessionDefinition session, Collection<Attendance> events) {
        Accruals accruals = new Accruals(session);
        events.forEach(accruals::record);
        accruals.finalizeSession();
        return accruals;
    }

    Accruals record(Attendance attendance) {
        return apply(new AccrualInput.RecordAttendance(attendance, session, licensee()));
    }

    Accruals finalizeSession() {
        return apply(new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER, session, licensee()));
    }

    private Accruals apply(AccrualInput input) {
        for (AccrualEvent event : AccrualDecider.decide(state, input, rules, now)) {
            emitted.add(event);
            state = AccrualDecider.evolve(state, event);
        }
        return this;
    }

    List<Award> awards() {
        return emitted.stream().filter(AwardDecided.class::isInstance).map(e -> ((AwardDecided) e).award()).toList();
    }

    List<Certificate> certificates() {
        return emitted.stream().filter(CertificateDecided.class::isInstance)
                .map(e -> ((CertificateDecided) e).certificate()).toList();
    }

    /** The hours of the body's national approval (no jurisdiction), 0 without an award. */
    double hours(ApprovalBody body) {
        Award award = state.awards().get(new ApprovalKey(body, null));
        return award == null ? 0 : award.hours();
    }
}
