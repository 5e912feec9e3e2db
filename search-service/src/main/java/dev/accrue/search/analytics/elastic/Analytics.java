package dev.accrue.search.analytics.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.analytics.CompletionGroup;
import dev.accrue.search.analytics.Interval;
import dev.accrue.search.analytics.Metric;
import dev.accrue.search.analytics.Ranking;
import dev.accrue.search.analytics.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Runs the analytics requests of {@link AnalyticsQueries} and reads their aggregations into {@link Results}. */
@Component
public class Analytics {

    private final ElasticsearchClient client;

    Analytics(ElasticsearchClient client) {
        this.client = client;
    }

    public Results.Trend trend(Metric metric, Interval interval, AnalyticsFilter filter) {
        Aggregate groups = aggregate(AnalyticsQueries.trend(metric, interval, filter), AnalyticsQueries.GROUPS);
        boolean counted = AnalyticsQueries.value(metric, filter).isPresent();
        List<Results.Bucket> buckets = groups == null ? List.of() : groups.dateHistogram().buckets().array().stream()
                .map(b -> new Results.Bucket(LocalDate.ofInstant(Instant.ofEpochMilli(b.key()), ZoneOffset.UTC),
                        counted ? number(b.aggregations().get(AnalyticsQueries.VALUE)) : b.docCount()))
                .toList();
        return new Results.Trend(metric.apiName(), interval.name().toLowerCase(Locale.ROOT), buckets);
    }

    /** Attendances, credit hours, certificates and active licensees over the whole range. */
    public Results.Summary summary(AnalyticsFilter filter) {
        return new Results.Summary(total(Metric.ATTENDANCES, filter), total(Metric.CREDIT_HOURS, filter),
                total(Metric.CERTIFICATES, filter), total(Metric.ACTIVE_LICENSEES, filter));
    }

    private double total(Metric metric, AnalyticsFilter filter) {
        SearchResponse<Void> response = search(AnalyticsQueries.total(metric, filter));
        Aggregate value = response.aggregations().get(AnalyticsQueries.VALUE);
        if (value != null) {
            return number(value);
        }
        return response.hits().total() == null ? 0 : response.hits().total().value(); // also when no index exists yet
    }

    public Results.TopCourses topCourses(Ranking by, int limit, AnalyticsFilter filter) {
        List<Results.CourseValue> courses = terms(AnalyticsQueries.topCourses(by, limit, filter)).stream()
                .map(b -> {
                    CourseInfo info = topHit(b);
                    return new Results.CourseValue(b.key().stringValue(), info.courseId(), info.providerId(), info.title(),
                            value(b));
                }).toList();
        return new Results.TopCourses(by.apiName(), courses);
    }

    public Results.Breakdown categories(AnalyticsFilter filter) {
        Aggregate nested = aggregate(AnalyticsQueries.hoursPerCategory(filter), AnalyticsQueries.NESTED);
        Map<String, Double> hours = nested == null ? new LinkedHashMap<>()
                : values(nested.nested().aggregations().get(AnalyticsQueries.GROUPS).sterms().buckets().array());
        Map<String, Double> attendees = values(terms(AnalyticsQueries.attendeesPer("categories", filter)));
        if (filter.category().isPresent()) {
            // Filtered awards and participations also have their other categories: the breakdown shows the one asked for.
            hours.keySet().retainAll(filter.category().stream().toList());
            attendees.keySet().retainAll(filter.category().stream().toList());
        }
        return breakdown(hours, attendees);
    }

    public Results.Breakdown formats(AnalyticsFilter filter) {
        return breakdown(values(terms(AnalyticsQueries.hoursPer("format", filter))),
                values(terms(AnalyticsQueries.attendeesPer("format", filter))));
    }

    public Results.Completion completion(CompletionGroup group, int limit, AnalyticsFilter filter) {
        List<StringTermsBucket> joined = terms(AnalyticsQueries.joined(group, limit, filter));
        List<String> keys = joined.stream().map(b -> b.key().stringValue()).toList();
        Map<String, Double> earned = keys.isEmpty() ? Map.of()
                : values(terms(AnalyticsQueries.earned(group, keys, filter)));
        List<Results.CompletionRow> rows = joined.stream().map(b -> {
            String key = b.key().stringValue();
            boolean perCourse = group == CompletionGroup.COURSE;
            CourseInfo info = perCourse ? topHit(b) : new CourseInfo(null, key, null);
            return Results.CompletionRow.of(key, info.providerId(), info.title(), (long) value(b),
                    earned.getOrDefault(key, 0.0).longValue());
        }).toList();
        return new Results.Completion(group.name().toLowerCase(Locale.ROOT), rows);
    }

    public Results.Compliance compliance(Optional<String> board, Optional<LocalDate> from, Optional<LocalDate> to) {
        List<Results.BoardStatuses> boards = terms(AnalyticsQueries.compliance(board, from, to)).stream()
                .map(b -> new Results.BoardStatuses(b.key().stringValue(),
                        (long) number(b.aggregations().get(AnalyticsQueries.VALUE)),
                        sortedLongs(values(b.aggregations().get("statuses").sterms().buckets().array()))))
                .toList();
        return new Results.Compliance(boards);
    }

    /** Rows for every key either side has, most credit hours first, then most attendees, then by key. */
    private static Results.Breakdown breakdown(Map<String, Double> hours, Map<String, Double> attendees) {
        TreeSet<String> keys = new TreeSet<>(hours.keySet());
        keys.addAll(attendees.keySet());
        return new Results.Breakdown(keys.stream()
                .map(k -> new Results.BreakdownRow(k, hours.getOrDefault(k, 0.0), attendees.getOrDefault(k, 0.0).longValue()))
                .sorted(Comparator.comparingDouble(Results.BreakdownRow::creditHours).reversed()
                        .thenComparing(Comparator.comparingLong(Results.BreakdownRow::attendees).reversed())
                        .thenComparing(Results.BreakdownRow::key))
                .toList());
    }

    private static Map<String, Double> values(List<StringTermsBucket> buckets) {
        Map<String, Double> values = new LinkedHashMap<>();
        buckets.forEach(b -> values.put(b.key().stringValue(), number(b.aggregations().get(AnalyticsQueries.VALUE))));
        return values;
    }

    private static Map<String, Long> sortedLongs(Map<String, Double> values) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> sorted.put(k, values.get(k).longValue()));
        return sorted;
    }

    /** The bucket's value, or its document count where the request counts documents. */
    private static double value(StringTermsBucket bucket) {
        Aggregate value = bucket.aggregations().get(AnalyticsQueries.VALUE);
        return value == null ? bucket.docCount() : number(value);
    }

    private static double number(Aggregate value) {
        if (value.isNested()) { // one category's hours (AnalyticsQueries.creditHours)
            return number(value.nested().aggregations().get(AnalyticsQueries.IN_CATEGORY).filter().aggregations()
                    .get(AnalyticsQueries.VALUE));
        }
        if (value.isCardinality()) {
            return value.cardinality().value();
        }
        if (value.isFilter()) {
            return value.filter().docCount();
        }
        return value.sum().value();
    }

    private static CourseInfo topHit(StringTermsBucket bucket) {
        Aggregate top = bucket.aggregations().get(AnalyticsQueries.TOP);
        if (top == null || top.topHits().hits().hits().isEmpty()) {
            return new CourseInfo(null, null, null);
        }
        Hit<JsonData> hit = top.topHits().hits().hits().get(0);
        return hit.source() == null ? new CourseInfo(null, null, null) : hit.source().to(CourseInfo.class);
    }

    private List<StringTermsBucket> terms(SearchRequest request) {
        Aggregate groups = aggregate(request, AnalyticsQueries.GROUPS);
        return groups == null ? List.of() : groups.sterms().buckets().array();
    }

    private Aggregate aggregate(SearchRequest request, String name) {
        return search(request).aggregations().get(name); // absent when the index does not exist yet
    }

    private SearchResponse<Void> search(SearchRequest request) {
        try {
            return client.search(request, Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    record CourseInfo(String courseId, String providerId, String title) {
    }
}
