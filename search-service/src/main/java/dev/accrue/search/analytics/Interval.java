package dev.accrue.search.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** Calendar bucket sizes of a trend, in UTC; weeks start on Monday (ISO). */
public enum Interval {
    DAY, WEEK, MONTH;

    public static Interval parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("interval must be one of day, week, month; got '" + value + "'");
        }
    }

    /** The first day of the bucket the date falls in. */
    public LocalDate bucketStart(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(DayOfWeek.MONDAY);
            case MONTH -> date.withDayOfMonth(1);
        };
    }
}
