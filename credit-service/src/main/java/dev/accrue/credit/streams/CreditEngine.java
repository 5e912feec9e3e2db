package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualEvent;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.TranscriptLimit;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.compliance.ComplianceDecider;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the pure deciders against the stores: applies an accrual input, keeps the transcript in
 * step with the awards, and re-evaluates compliance when awards or the profile change. Outputs go
 * to {@code emit} keyed by licensee. Shared by both processors and their punctuators.
 */
final class CreditEngine {

    private final CreditStores stores;
    private final CreditRuleBook creditRules;
    private final BoardRuleBook boardRules;
    private final BiConsumer<String, CreditOutput> emit;

    CreditEngine(CreditStores stores, CreditRuleBook creditRules, BoardRuleBook boardRules,
                 BiConsumer<String, CreditOutput> emit) {
        this.stores = stores;
        this.creditRules = creditRules;
        this.boardRules = boardRules;
        this.emit = emit;
    }

    /**
     * Decides, stores the new state, publishes awards and certificates; returns the new state. An input the
     * decider refused ({@link dev.accrue.credit.accrual.AccrualLimit}), or whose new award would not fit on the
     * transcript ({@link TranscriptLimit}), goes to {@code refused} with the reason. A refused attendance event
     * changes nothing (the state returned is {@code state}); a refused finalization still finalizes, without the
     * new awards, so it is refused once rather than at every check.
     */
    Accrual apply(Accrual state, AccrualInput input, Instant now, Consumer<String> refused) {
        List<AccrualEvent> events = AccrualDecider.decide(state, input, creditRules, now);
        List<Award> awards = events.stream().filter(AccrualEvent.AwardDecided.class::isInstance)
                .map(e -> ((AccrualEvent.AwardDecided) e).award()).toList();
        Optional<String> full = awards.isEmpty() ? Optional.empty()
                : TranscriptLimit.refusal(stores.transcript(state.licenseeId()), awards);
        if (full.isPresent()) {
            refused.accept(full.get()); // in this transaction: the transcript never grows past what one record holds
            events = events.stream().filter(AccrualEvent.SessionFinalized.class::isInstance).toList();
        }
        Accrual next = state;
        boolean awarded = false;
        for (AccrualEvent event : events) {
            if (event instanceof AccrualEvent.AttendanceRefused refusal) {
                refused.accept(refusal.reason());
                return state;
            }
            next = AccrualDecider.evolve(next, event);
            if (event instanceof AccrualEvent.AwardDecided decided) {
                stores.transcripts.put(state.licenseeId(), stores.transcript(state.licenseeId()).with(decided.award()));
                emit.accept(state.licenseeId(), new CreditOutput.Awarded(decided.award(),
                        reportedLicenses(state.licenseeId(), decided.award())));
                awarded = true;
            } else if (event instanceof AccrualEvent.CertificateDecided certified) {
                emit.accept(state.licenseeId(), new CreditOutput.Certified(certified.certificate()));
            }
        }
        if (!events.isEmpty()) {
            stores.accruals.put(CreditStores.accrualKey(state.sessionId(), state.licenseeId()), next);
        }
        if (awarded) {
            updateCompliance(state.licenseeId(), now);
        }
        return next;
    }

    /** The licensee's licences in the award's state, as they stand now (the roster report names them). */
    private List<License> reportedLicenses(String licenseeId, Award award) {
        Licensee licensee = stores.licensees.get(licenseeId);
        return licensee == null ? List.of() : licensee.licensesIn(award.jurisdiction());
    }

    /** Re-evaluates every licence of the licensee and publishes the reports whose standing changed. */
    void updateCompliance(String licenseeId, Instant now) {
        Licensee licensee = stores.licensees.get(licenseeId);
        if (licensee == null) {
            return;
        }
        List<ComplianceReport> previous = stores.compliance(licenseeId);
        List<ComplianceReport> changed = ComplianceDecider.decide(previous, licensee,
                stores.transcript(licenseeId).awards(), boardRules, now);
        if (!changed.isEmpty()) {
            stores.compliance.put(licenseeId, new ArrayList<>(ComplianceDecider.evolve(previous, changed)));
            changed.forEach(report -> emit.accept(licenseeId, new CreditOutput.ComplianceChanged(report)));
        }
    }
}
