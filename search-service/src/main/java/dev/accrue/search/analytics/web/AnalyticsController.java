package dev.accrue.search.analytics.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.analytics.CompletionGroup;
import dev.accrue.search.analytics.FilterValues;
import dev.accrue.search.analytics.Interval;
import dev.accrue.search.analytics.Metric;
import dev.accrue.search.analytics.Ranking;
import dev.accrue.search.analytics.Results;
import dev.accrue.search.analytics.elastic.Analytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training-trend analytics over the indexed events (see {@link ProviderScope} for who sees what). */
@RestController
@RequestMapping("/v1/analytics")
@Tag(name = "analytics")
class AnalyticsController {

    private final Analytics analytics;
    private final Clock clock;

    AnalyticsController(Analytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping("/trends")
    @Operation(summary = "A metric per day, week or month; every bucket of the range is listed")
    Results.Trend trends(Caller caller,
                         @Parameter(description = "attendances, creditHours, awards, certificates or activeLicensees")
                         @RequestParam(defaultValue = "attendances") String metric,
                         @Parameter(description = "day, week or month") @RequestParam(defaultValue = "day") String interval,
                         @ParameterObject FilterParams filter) {
        return analytics.trend(Metric.parse(metric), Interval.parse(interval), filter.toFilter(caller, clock));
    }

    @GetMapping("/summary")
    @Operation(summary = "Headline figures of the range: attendances, credit hours, certificates and active licensees")
    Results.Summary summary(Caller caller, @ParameterObject FilterParams filter) {
        return analytics.summary(filter.toFilter(caller, clock));
    }

    @GetMapping("/top-courses")
    @Operation(summary = "Courses with the most distinct attendees or credit hours")
    Results.TopCourses topCourses(Caller caller,
                                  @Parameter(description = "attendees or creditHours") @RequestParam(defaultValue = "attendees") String by,
                                  @RequestParam(defaultValue = "10") int limit,
                                  @ParameterObject FilterParams filter) {
        return analytics.topCourses(Ranking.parse(by), Ranking.requireLimit(limit), filter.toFilter(caller, clock));
    }

    @GetMapping("/categories")
    @Operation(summary = "Credit hours awarded and distinct attendees per content category")
    Results.Breakdown categories(Caller caller, @ParameterObject FilterParams filter) {
        return analytics.categories(filter.toFilter(caller, clock));
    }

    @GetMapping("/formats")
    @Operation(summary = "Credit hours awarded and distinct attendees per delivery format")
    Results.Breakdown formats(Caller caller, @ParameterObject FilterParams filter) {
        return analytics.formats(filter.toFilter(caller, clock));
    }

    @GetMapping("/completion")
    @Operation(summary = "Per course or provider: distinct licensees who joined, who earned credit, and the rate")
    Results.Completion completion(Caller caller,
                                  @Parameter(description = "course or provider") @RequestParam(defaultValue = "course") String groupBy,
                                  @RequestParam(defaultValue = "20") int limit,
                                  @ParameterObject FilterParams filter) {
        return analytics.completion(CompletionGroup.parse(groupBy), Ranking.requireLimit(limit),
                filter.toFilter(caller, clock));
    }

    @GetMapping("/compliance")
    @Operation(summary = "Distinct licensees per renewal status per board, from each licence's latest status; "
            + "from/to select licences whose cycle ends in that range. ANALYST or ADMIN only.")
    Results.Compliance compliance(Caller caller,
                                  @RequestParam Optional<String> board,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                                  @ParameterObject ComplianceParams unsupported) {
        ProviderScope.requireCrossProvider(caller);
        unsupported.refuseAny();
        from.ifPresent(d -> AnalyticsFilter.requireSupportedYear("from", d));
        to.ifPresent(d -> AnalyticsFilter.requireSupportedYear("to", d));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from (" + from.get() + ") must not be after to (" + to.get() + ")");
        }
        Optional<String> named = board.filter(b -> !b.isBlank()).map(String::trim);
        named.ifPresent(FilterValues::requireBoardShape);
        return analytics.compliance(named, from, to);
    }
}
