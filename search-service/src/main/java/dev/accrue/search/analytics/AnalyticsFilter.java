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

    public AnalyticsFilter {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required dates (yyyy-MM-dd)");
        }
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
    }

    /** A filter for the range with no other criteria. */
    public static AnalyticsFilter between(LocalDate from, LocalDate to) {
        return new AnalyticsFilter(from, to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The first day after the range, as the exclusive upper bound. */
    public LocalDate toExclusive() {
        return to.plusDays(1);
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isBlank()).map(String::trim);
    }
}
