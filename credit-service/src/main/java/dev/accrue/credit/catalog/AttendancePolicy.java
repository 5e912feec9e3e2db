package dev.accrue.credit.catalog;

/**
 * A provider's own attendance rule for one live session, stricter than the bodies' and never looser: at most
 * {@code toleranceMinutes} missed for full-attendance bodies, and no credit below {@code minimumAttendedPercent}
 * of the scheduled minutes. Either may be null (the bodies' rules alone).
 */
public record AttendancePolicy(Integer toleranceMinutes, Integer minimumAttendedPercent) {
}
