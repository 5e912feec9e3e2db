package dev.accrue.search.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The filters every analytics question shares: an inclusive date range (UTC days) and optional
 * provider, content category, delivery format, accrediting body and board. Each index applies the
 * filters that exist on it (see the elastic adapter's {@code EventSource}).
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, Optional<String> providerId, Optional<String> category,
                              Optional<String> format, Optional<String> body, Optional<String> board) {

    /** Ten years of days is plenty, and keeps day buckets bounded. */
    public static final long MAX_DAYS = 3660;

    /**
     * Dates outside these years are input mistakes; beyond them the day after {@code to} may not exist
     * and Elasticsearch rejects five-digit years as {@code strict_date}.
     */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    public AnalyticsFilter {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required dates (yyyy-MM-dd)");
        }
        requireSupportedYear("from", from);
        requireSupportedYear("to", to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("from and to may be at most " + MAX_DAYS + " days apart");
        }
        providerId = blankToEmpty(providerId);
        category = blankToEmpty(category);
        format = blankToEmpty(format);
        body = blankToEmpty(body);
        board = blankToEmpty(board);
        category.ifPresent(value -> FilterValues.require("category", value, FilterValues.CATEGORIES));
        format.ifPresent(value -> FilterValues.require("format", value, FilterValues.FORMATS));
        body.ifPresent(value -> FilterValues.require("body", value, FilterValues.BODIES));
        board.ifPresent(FilterValues::requireBoardShape);
    }

    /** A filter for the range with no other criteria. */
    public static AnalyticsFilter between(LocalDate from, LocalDate to) {
        return new AnalyticsFilter(from, to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Rejects a date outside years {@value #MIN_YEAR}-{@value #MAX_YEAR}, naming the parameter. */
    public static void requireSupportedYear(String name, LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException(name + " (" + date + ") must be a date in the years " + MIN_YEAR + " to "
                    + MAX_YEAR);
        }
    }

    /** The first day after the range, as the exclusive upper bound. */
    public LocalDate toExclusive() {
        return to.plusDays(1);
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isBlank()).map(String::trim);
    }
}
