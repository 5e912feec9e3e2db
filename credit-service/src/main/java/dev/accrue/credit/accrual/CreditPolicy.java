package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendedTime;

/** How one accrediting body turns attended time in a live session into credit hours. */
public sealed interface CreditPolicy {

    double hours(AttendedTime time, double creditHours);

    /**
     * Full credit or none: the full {@code creditHours} when at most {@code toleranceMinutes} were
     * missed (arriving late and leaving early add up), and nothing otherwise. Someone who attended
     * no minute at all earns nothing even in a session shorter than the tolerance.
     */
    record AllOrNothing(int toleranceMinutes) implements CreditPolicy {
        @Override
        public double hours(AttendedTime time, double creditHours) {
            return time.attendedMinutes() > 0 && time.missedMinutes() <= toleranceMinutes ? creditHours : 0;
        }
    }

    /** Partial credit in tenths of an hour: attended minutes / 60, rounded down to 0.1 h, capped at {@code creditHours}. */
    record PartialTenths() implements CreditPolicy {
        @Override
        public double hours(AttendedTime time, double creditHours) {
            return Math.min(time.attendedMinutes() / 6 / 10.0, creditHours);
        }
    }

    /** Partial credit in whole steps of {@code stepMinutes} (e.g. 30 minutes = 0.5 h), capped at {@code creditHours}. */
    record PartialSteps(int stepMinutes) implements CreditPolicy {
        @Override
        public double hours(AttendedTime time, double creditHours) {
            int steps = time.attendedMinutes() / stepMinutes;
            return Math.min(steps * stepMinutes / 60.0, creditHours);
        }
    }
}
