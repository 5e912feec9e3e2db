package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.licensee.License;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A board's minimum of hours in one of its categories, {@code label} in its words. Hours of the course
 * content categories in {@code from} count toward it, and only from {@code approvedBy} approvals when it
 * lists some (FL: Florida-specific subjects from the board's own providers). {@code oneTime} minimums are
 * met once in a career; the others in every cycle, or every n-th counted from the cycle that ends on
 * {@code anchorCycleEnd}. Empty {@code licenseTypes} means all; {@code supervisorsOnly} binds supervisors.
 */
public record CategoryMinimum(Category category, String label, Set<Category> from, double hours, boolean oneTime,
                              int everyNthCycle, LocalDate anchorCycleEnd, Set<String> licenseTypes,
                              boolean supervisorsOnly, Set<ApprovalKey> approvedBy) {

    public CategoryMinimum {
        from = Set.copyOf(from);
        licenseTypes = Set.copyOf(licenseTypes);
        approvedBy = Set.copyOf(approvedBy);
    }

    boolean appliesTo(License license, int cycleMonths) {
        if (!licenseTypes.isEmpty() && !licenseTypes.contains(license.licenseType())) {
            return false;
        }
        if (supervisorsOnly && !license.supervisor()) {
            return false;
        }
        if (everyNthCycle <= 1) {
            return true;
        }
        long cycles = Math.round(ChronoUnit.MONTHS.between(anchorCycleEnd, license.cycleEnd()) / (double) cycleMonths);
        return Math.floorMod(cycles, everyNthCycle) == 0;
    }
}
