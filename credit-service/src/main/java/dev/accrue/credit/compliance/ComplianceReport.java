package dev.accrue.credit.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One licence's standing for its current cycle: hours earned, counted after caps and carry-over, what remains,
 * and the credit of the cycle that the board does not count, with why.
 */
public record ComplianceReport(
        String licenseeId,
        String board,
        String licenseType,
        String licenseNumber,
        LocalDate cycleStart,
        LocalDate cycleEnd,
        double requiredHours,
        double earnedHours,
        double countedHours,
        double remainingHours,
        List<CategoryProgress> categories,
        List<NotCounted> notCounted,
        ComplianceState status,
        String ruleVersion,
        Instant evaluatedAt) {

    public ComplianceReport {
        categories = List.copyOf(categories);
        notCounted = List.copyOf(notCounted);
    }

    /** True when everything but the evaluation time is the same, i.e. nothing worth announcing changed. */
    public boolean sameStanding(ComplianceReport other) {
        return other != null && withEvaluatedAt(null).equals(other.withEvaluatedAt(null));
    }

    ComplianceReport withEvaluatedAt(Instant at) {
        return new ComplianceReport(licenseeId, board, licenseType, licenseNumber, cycleStart, cycleEnd, requiredHours,
                earnedHours, countedHours, remainingHours, categories, notCounted, status, ruleVersion, at);
    }
}
