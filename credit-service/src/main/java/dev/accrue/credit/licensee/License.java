package dev.accrue.credit.licensee;

import dev.accrue.credit.catalog.Category;
import java.time.LocalDate;
import java.util.Set;

/**
 * One professional licence and its current renewal cycle (both days inclusive). {@code supervisor} says the
 * licensee supervises under it (CA BBS then requires supervision training); {@code attestedCategories} are
 * one-time requirements the licensee attests were met before licensure.
 */
public record License(String board, String licenseType, String licenseNumber, LocalDate cycleStart, LocalDate cycleEnd,
                      boolean firstRenewal, boolean supervisor, Set<Category> attestedCategories) {

    public License {
        attestedCategories = Set.copyOf(attestedCategories);
    }
}
