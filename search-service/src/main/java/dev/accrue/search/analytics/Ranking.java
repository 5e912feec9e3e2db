package dev.accrue.search.analytics;

import java.util.Locale;

/** What top courses are ranked by: distinct attendees, or credit hours awarded (see {@link Metric}). */
public enum Ranking {
    ATTENDEES, CREDIT_HOURS;

    public static final int MAX_LIMIT = 100;

    public static Ranking parse(String value) {
        if ("attendees".equalsIgnoreCase(value)) {
            return ATTENDEES;
        }
        if ("creditHours".equalsIgnoreCase(value)) {
            return CREDIT_HOURS;
        }
        throw new IllegalArgumentException("by must be attendees or creditHours; got '" + value + "'");
    }

    public static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public String apiName() {
        return this == ATTENDEES ? "attendees" : "creditHours";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
