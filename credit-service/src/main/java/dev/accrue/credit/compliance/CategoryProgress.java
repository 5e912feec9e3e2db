package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.Category;

/**
 * Progress toward one of the board's category minimums, {@code label} in the board's words. An attested
 * one-time minimum (met before licensure, as the licensee declared) is met whatever was earned here.
 */
public record CategoryProgress(Category category, double requiredHours, double earnedHours, boolean oneTime,
                               String label, boolean attested) {

    public boolean met() {
        return attested || earnedHours + 1e-9 >= requiredHours;
    }
}
