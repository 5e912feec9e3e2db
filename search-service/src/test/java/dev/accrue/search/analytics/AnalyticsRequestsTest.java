package dev.accrue.search.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyticsRequestsTest {

    @Test
    void metricsIntervalsAndRankingsParseTheirApiNames() {
        assertThat(Metric.parse("creditHours")).isEqualTo(Metric.CREDIT_HOURS);
        assertThat(Metric.parse("activeLicensees")).isEqualTo(Metric.ACTIVE_LICENSEES);
        assertThat(Interval.parse("week")).isEqualTo(Interval.WEEK);
        assertThat(Ranking.parse("attendees")).isEqualTo(Ranking.ATTENDEES);
        assertThat(CompletionGroup.parse("provider")).isEqualTo(CompletionGroup.PROVIDER);
        assertThatThrownBy(() -> Metric.parse("views")).hasMessageContaining("attendances, creditHours");
        assertThatThrownBy(() -> Interval.parse("hour")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranking.requireLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterNeedsAnOrderedBoundedRangeAndIgnoresBlankCriteria() {
        AnalyticsFilter filter = new AnalyticsFilter(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                Optional.of(" "), Optional.empty(), Optional.of("IN_PERSON"), null, Optional.empty());
        assertThat(filter.providerId()).isEmpty();
        assertThat(filter.format()).contains("IN_PERSON");
        assertThat(filter.body()).isEmpty();
        assertThat(filter.toExclusive()).isEqualTo(LocalDate.parse("2025-02-01"));
        assertThatThrownBy(() -> AnalyticsFilter.between(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-01")))
                .hasMessageContaining("must not be after");
        assertThatThrownBy(() -> AnalyticsFilter.between(LocalDate.parse("2000-01-01"), LocalDate.parse("2025-01-01")))
                .hasMessageContaining("days apart");
    }

    @Test
    void datesOutsideTheYears1900To2999AreRejectedAsBadInput() {
        assertThatThrownBy(() -> AnalyticsFilter.between(LocalDate.parse("+999999999-12-30"), LocalDate.parse("+999999999-12-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from (+999999999-12-30) must be a date in the years 1900 to 2999");
        assertThatThrownBy(() -> AnalyticsFilter.between(LocalDate.parse("2999-12-31"), LocalDate.parse("+10000-01-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to (+10000-01-02) must be a date in the years 1900 to 2999");
        assertThatThrownBy(() -> AnalyticsFilter.between(LocalDate.parse("1899-12-31"), LocalDate.parse("1900-01-31")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from (1899-12-31)");
        AnalyticsFilter edges = AnalyticsFilter.between(LocalDate.parse("2999-12-01"), LocalDate.parse("2999-12-31"));
        assertThat(edges.toExclusive()).isEqualTo(LocalDate.parse("3000-01-01"));
        assertThat(AnalyticsFilter.between(LocalDate.parse("1900-01-01"), LocalDate.parse("1900-01-01")).from())
                .isEqualTo(LocalDate.parse("1900-01-01"));
    }

    @Test
    void theCompletionRateIsEarnedOverJoinedAndZeroWhenNobodyJoined() {
        assertThat(Results.CompletionRow.of("k", "p", "t", 3, 2).rate()).isEqualTo(0.6667);
        assertThat(Results.CompletionRow.of("k", "p", "t", 0, 0).rate()).isZero();
    }
}
