package dev.accrue.search.analytics.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Runs the analytics requests of {@link AnalyticsQueries} and reads their aggregations into {@link Results}. */
@Component
public class Analytics {

    private final ElasticsearchClient client;

    Analytics(ElasticsearchClient client) {
        this.client = client;
    }

    public Results.Trend trend(Metric metric, Interval interval, AnalyticsFilter filter) {
        Aggregate groups = search(AnalyticsQueries.trend(metric, interval, filter)).aggregations().get(AnalyticsQueries.GROUPS);
        boolean counted = AnalyticsQueries.value(metric, filter).isPresent();
        List<Results.Bucket> buckets = groups == null ? List.of() : groups.dateHistogram().buckets().array().stream()
                .map(b -> new Results.Bucket(LocalDate.ofInstant(Instant.ofEpochMilli(b.key()), ZoneOffset.UTC),
                        counted ? number(b.aggregations().get(AnalyticsQueries.VALUE)) : b.docCount()))
                .toList();
        return new Results.Trend(metric.apiName(), interval.name().toLowerCase(Locale.ROOT), buckets);
    }

    /** Attendances, credit hours, certificates and active licensees over the whole range, asked for together. */
    public Results.Summary summary(AnalyticsFilter filter) {
        List<ResponseBody<JsonData>> totals = searchAll(Stream.of(Metric.ATTENDANCES, Metric.CREDIT_HOURS,
                Metric.CERTIFICATES, Metric.ACTIVE_LICENSEES).map(m -> AnalyticsQueries.total(m, filter)).toList());
        return new Results.Summary(total(totals.get(0)), total(totals.get(1)), total(totals.get(2)), total(totals.get(3)));
    }

    private static double total(ResponseBody<JsonData> response) {
        Aggregate value = response.aggregations().get(AnalyticsQueries.VALUE);
        if (value != null) {
            return number(value);
        }
        return response.hits().total() == null ? 0 : response.hits().total().value(); // also when no index exists yet
    }

    public Results.TopCourses topCourses(Ranking by, int limit, AnalyticsFilter filter) {
        List<StringTermsBucket> ranked = terms(search(AnalyticsQueries.topCourses(by, limit, filter)));
        List<CourseInfo> infos = courseInfos(AnalyticsQueries.rankingSource(by), ranked, filter, List.of());
        List<Results.CourseValue> courses = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            CourseInfo info = infos.get(i);
            courses.add(new Results.CourseValue(ranked.get(i).key().stringValue(), info.courseId(), info.providerId(),
                    info.title(), value(ranked.get(i))));
        }
        return new Results.TopCourses(by.apiName(), courses);
    }

    /** Hours from the awards and attendees from the participations, asked for together. */
    public Results.Breakdown categories(AnalyticsFilter filter) {
        List<ResponseBody<JsonData>> answers = searchAll(List.of(AnalyticsQueries.hoursPerCategory(filter),
                AnalyticsQueries.attendeesPer("categories", filter)));
        Aggregate nested = answers.get(0).aggregations().get(AnalyticsQueries.NESTED);
        Map<String, Double> hours = nested != null
                ? values(nested.nested().aggregations().get(AnalyticsQueries.GROUPS).sterms().buckets().array())
                : new LinkedHashMap<>();
        terms(answers.get(0)).forEach(b -> {
            Aggregate sum = answers.get(0).aggregations().get(AnalyticsQueries.HOURS_IN + b.key().stringValue());
            hours.put(b.key().stringValue(), sum == null ? 0 : number(sum));
        });
        Map<String, Double> attendees = values(terms(answers.get(1)));
        if (filter.category().isPresent()) {
            // Filtered awards and participations also have their other categories: the breakdown shows the one asked for.
            hours.keySet().retainAll(filter.category().stream().toList());
            attendees.keySet().retainAll(filter.category().stream().toList());
        }
        return breakdown(hours, attendees);
    }

    public Results.Breakdown formats(AnalyticsFilter filter) {
        List<ResponseBody<JsonData>> answers = searchAll(List.of(AnalyticsQueries.hoursPer("format", filter),
                AnalyticsQueries.attendeesPer("format", filter)));
        return breakdown(values(terms(answers.get(0))), values(terms(answers.get(1))));
    }

    /** The groups who joined first; then, together, who of them earned credit and (per course) the courses' titles. */
    public Results.Completion completion(CompletionGroup group, int limit, AnalyticsFilter filter) {
        List<StringTermsBucket> joined = terms(search(AnalyticsQueries.joined(group, limit, filter)));
        List<String> keys = joined.stream().map(b -> b.key().stringValue()).toList();
        if (keys.isEmpty()) {
            return new Results.Completion(group.name().toLowerCase(Locale.ROOT), List.of());
        }
        boolean perCourse = group == CompletionGroup.COURSE;
        List<ResponseBody<JsonData>> earnedAnswer = new ArrayList<>();
        List<CourseInfo> infos = perCourse
                ? courseInfos(EventSource.ENROLMENTS, joined, filter, List.of(AnalyticsQueries.earned(group, keys, filter)),
                        earnedAnswer)
                : keys.stream().map(key -> new CourseInfo(null, key, null)).toList();
        if (!perCourse) {
            earnedAnswer.add(search(AnalyticsQueries.earned(group, keys, filter)));
        }
        Map<String, Double> earned = values(terms(earnedAnswer.get(0)));
        List<Results.CompletionRow> rows = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            String key = keys.get(i);
            rows.add(Results.CompletionRow.of(key, infos.get(i).providerId(), infos.get(i).title(), (long) value(joined.get(i)),
                    earned.getOrDefault(key, 0.0).longValue()));
        }
        return new Results.Completion(group.name().toLowerCase(Locale.ROOT), rows);
    }

    public Results.Compliance compliance(Optional<String> board, Optional<LocalDate> from, Optional<LocalDate> to) {
        List<Results.BoardStatuses> boards = terms(search(AnalyticsQueries.compliance(board, from, to))).stream()
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
        if (value.isCardinality()) {
            return value.cardinality().value();
        }
        if (value.isFilter()) {
            return value.filter().docCount();
        }
        return value.sum().value();
    }

    private List<CourseInfo> courseInfos(EventSource source, List<StringTermsBucket> ranked, AnalyticsFilter filter,
                                         List<SearchRequest> alongside) {
        return courseInfos(source, ranked, filter, alongside, new ArrayList<>());
    }

    /**
     * Each ranked course's id, provider and title from one of its documents, asked for with the {@code alongside}
     * requests in one round trip; their answers are added to {@code alongsideAnswers}.
     */
    private List<CourseInfo> courseInfos(EventSource source, List<StringTermsBucket> ranked, AnalyticsFilter filter,
                                         List<SearchRequest> alongside, List<ResponseBody<JsonData>> alongsideAnswers) {
        List<SearchRequest> requests = new ArrayList<>(alongside);
        ranked.forEach(b -> requests.add(AnalyticsQueries.courseInfo(source, b.key().stringValue(), filter)));
        List<ResponseBody<JsonData>> answers = requests.isEmpty() ? List.of() : searchAll(requests);
        alongsideAnswers.addAll(answers.subList(0, alongside.size()));
        return answers.subList(alongside.size(), answers.size()).stream().map(Analytics::courseInfo).toList();
    }

    private static CourseInfo courseInfo(ResponseBody<JsonData> answer) {
        List<Hit<JsonData>> hits = answer.hits().hits();
        return hits.isEmpty() || hits.get(0).source() == null ? new CourseInfo(null, null, null)
                : hits.get(0).source().to(CourseInfo.class);
    }

    private static List<StringTermsBucket> terms(ResponseBody<JsonData> answer) {
        Aggregate groups = answer.aggregations().get(AnalyticsQueries.GROUPS); // absent when the index does not exist yet
        return groups == null ? List.of() : groups.sterms().buckets().array();
    }

    private SearchResponse<JsonData> search(SearchRequest request) {
        try {
            return client.search(request, JsonData.class);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Independent requests in one {@code _msearch}: one round trip, and Elasticsearch runs them side by side.
     * A failed item fails the question, as a failed single search does.
     */
    private List<ResponseBody<JsonData>> searchAll(List<SearchRequest> requests) {
        if (requests.size() == 1) {
            return List.of(search(requests.get(0)));
        }
        try {
            MsearchResponse<JsonData> response = client.msearch(m -> m.searches(requests.stream().map(Analytics::item)
                    .toList()), JsonData.class);
            List<ResponseBody<JsonData>> answers = new ArrayList<>();
            for (MultiSearchResponseItem<JsonData> item : response.responses()) {
                if (item.isFailure()) {
                    throw new ElasticsearchException("msearch", item.failure());
                }
                answers.add(item.result());
            }
            return answers;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static RequestItem item(SearchRequest r) {
        return RequestItem.of(i -> i
                .header(h -> h.index(r.index()).ignoreUnavailable(r.ignoreUnavailable()).allowNoIndices(r.allowNoIndices()))
                .body(b -> {
                    b.size(r.size()).query(r.query()).aggregations(r.aggregations());
                    if (r.trackTotalHits() != null) {
                        b.trackTotalHits(r.trackTotalHits());
                    }
                    if (r.source() != null) {
                        b.source(r.source());
                    }
                    if (r.terminateAfter() != null) {
                        b.terminateAfter(r.terminateAfter());
                    }
                    return b;
                }));
    }

    private static UncheckedIOException unavailable(IOException e) {
        return new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
    }

    record CourseInfo(String courseId, String providerId, String title) {
    }
}
