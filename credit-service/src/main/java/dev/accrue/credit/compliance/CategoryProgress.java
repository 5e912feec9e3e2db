package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.Category;

/** Progress toward one category minimum. */
public record CategoryProgress(Category category, double requiredHours, double earnedHours, boolean oneTime) {

    public boolean met() {
        return earnedHours + 1e-9 >= requiredHours;
    }
}
