package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendedTime;
import dev.accrue.credit.catalog.AttendancePolicy;

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

    /**
     * A body's policy made stricter by the provider's own for the session, never looser: no credit below the
     * provider's minimum share of the scheduled minutes, and for full-attendance bodies the smaller tolerance.
     */
    record WithinProviderPolicy(CreditPolicy body, AttendancePolicy provider) implements CreditPolicy {
        @Override
        public double hours(AttendedTime time, double creditHours) {
            Integer minimum = provider.minimumAttendedPercent();
            if (minimum != null && (long) time.attendedMinutes() * 100 < (long) minimum * time.scheduledMinutes()) {
                return 0;
            }
            Integer tolerance = provider.toleranceMinutes();
            CreditPolicy effective = body instanceof AllOrNothing all && tolerance != null
                    ? new AllOrNothing(Math.min(all.toleranceMinutes(), tolerance)) : body;
            return effective.hours(time, creditHours);
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
