package dev.accrue.search.analytics.web;

import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters every analytics endpoint shares. Without dates the range is the last 90
 * days up to today (UTC), both ends included. {@code board} is refused here (400): which awards and
 * attendance a board accepts is credit-service's decision per licence, which the indices do not hold, so
 * only compliance, whose statuses are per board, filters by board (search-service README, "Filters").
 */
record FilterParams(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String providerId,
        String category,
        String format,
        String body,
        String board) {

    static final int DEFAULT_DAYS = 90;

    AnalyticsFilter toFilter(Caller caller, Clock clock) {
        if (board != null && !board.isBlank()) {
            throw new IllegalArgumentException("board filters only /v1/analytics/compliance: which credit a board "
                    + "accepts is decided per licence by credit-service and is not in the analytics indices");
        }
        LocalDate end = to != null ? to : LocalDate.now(clock);
        // Checked before the default start is worked out from it: an absurd end would fail that arithmetic (500).
        AnalyticsFilter.requireSupportedYear("to", end);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        return new AnalyticsFilter(start, end, ProviderScope.resolve(caller, Optional.ofNullable(providerId)),
                Optional.ofNullable(category), Optional.ofNullable(format), Optional.ofNullable(body), Optional.empty());
    }
}
