package dev.accrue.credit.licensee;

import java.time.LocalDate;

/** One professional licence and its current renewal cycle (both days inclusive). */
public record License(String board, String licenseType, String licenseNumber, LocalDate cycleStart, LocalDate cycleEnd,
                      boolean firstRenewal) {
}
