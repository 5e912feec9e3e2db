package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.licensee.License;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A minimum of hours in one content category. {@code oneTime} minimums are met once in a career
 * (hours from any time count); the others must be met in every cycle they apply to. With
 * {@code everyNthCycle} above 1 it applies only to every n-th cycle, counted from the cycle that
 * ends on {@code anchorCycleEnd} (e.g. Florida's laws and rules every third biennium). An empty
 * {@code licenseTypes} means every licence type (e.g. TX supervision applies to LPC-S only).
 */
public record CategoryMinimum(Category category, double hours, boolean oneTime, int everyNthCycle,
                              LocalDate anchorCycleEnd, Set<String> licenseTypes) {

    public CategoryMinimum {
        licenseTypes = Set.copyOf(licenseTypes);
    }

    boolean appliesTo(License license, int cycleMonths) {
        if (!licenseTypes.isEmpty() && !licenseTypes.contains(license.licenseType())) {
            return false;
        }
        if (everyNthCycle <= 1) {
            return true;
        }
        long cycles = Math.round(ChronoUnit.MONTHS.between(anchorCycleEnd, license.cycleEnd()) / (double) cycleMonths);
        return Math.floorMod(cycles, everyNthCycle) == 0;
    }
}
