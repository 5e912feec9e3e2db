package dev.accrue.search.analytics;

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
}
