package dev.accrue.credit.compliance;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Compliance for every licence of one licensee, as pure functions: {@code decide} returns the
 * reports whose standing changed (a new evaluation time alone is no change), and {@code evolve}
 * keeps the latest report per licence. A licence whose board has no rule file gets no report.
 */
public final class ComplianceDecider {

    public static List<ComplianceReport> decide(List<ComplianceReport> previous, Licensee licensee,
                                                Collection<Award> awards, BoardRuleBook rules, Instant now) {
        List<ComplianceReport> changed = new ArrayList<>();
        for (License license : licensee.licenses()) {
            rules.forCycle(license.board(), license.cycleEnd())
                    .map(r -> CompliancePolicy.evaluate(licensee.licenseeId(), license, awards, r, now))
                    .filter(report -> !report.sameStanding(find(previous, report).orElse(null)))
                    .ifPresent(changed::add);
        }
        return changed;
    }

    public static List<ComplianceReport> evolve(List<ComplianceReport> previous, List<ComplianceReport> changed) {
        List<ComplianceReport> next = new ArrayList<>(previous);
        for (ComplianceReport report : changed) {
            next.removeIf(r -> sameLicense(r, report));
            next.add(report);
        }
        return next;
    }

    private static Optional<ComplianceReport> find(List<ComplianceReport> reports, ComplianceReport report) {
        return reports.stream().filter(r -> sameLicense(r, report)).findFirst();
    }

    private static boolean sameLicense(ComplianceReport a, ComplianceReport b) {
        return a.board().equals(b.board()) && a.licenseNumber().equals(b.licenseNumber());
    }

    private ComplianceDecider() {
    }
}
