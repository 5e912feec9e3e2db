package dev.accrue.search.analytics;

import java.util.Locale;

/** What completion is reported per: a course (provider and course id) or a provider. */
public enum CompletionGroup {
    COURSE, PROVIDER;

    public static CompletionGroup parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("groupBy must be course or provider; got '" + value + "'");
        }
    }
}
