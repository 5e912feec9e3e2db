package dev.accrue.search.analytics.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.analytics.CompletionGroup;
import dev.accrue.search.analytics.Interval;
import dev.accrue.search.analytics.Metric;
import dev.accrue.search.analytics.Ranking;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests behind the analytics, as the JSON Elasticsearch receives. */
class AnalyticsQueriesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AnalyticsFilter JANUARY = new AnalyticsFilter(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
            Optional.of("acme"), Optional.of("TELEHEALTH"), Optional.empty(), Optional.of("APA"), Optional.of("CA-BBS"));
    /** The same without the category, whose credit hours are the awards' own. */
    static final AnalyticsFilter ALL_CATEGORIES = new AnalyticsFilter(JANUARY.from(), JANUARY.to(), JANUARY.providerId(),
            Optional.empty(), JANUARY.format(), JANUARY.body(), JANUARY.board());

    static JsonNode json(Object request) {
        return JSON.readTree(JsonpUtils.toJsonString((co.elastic.clients.json.JsonpSerializable) request,
                new Jackson3JsonpMapper()));
    }

    @Test
    void theFilterIsAnInclusiveDayRangePlusTheFiltersThatExistOnTheIndex() {
        JsonNode filters = json(AnalyticsQueries.filter(EventSource.AWARDS, JANUARY)).at("/bool/filter");
        assertThat(filters.toString())
                .contains("{\"range\":{\"completedAt\":{\"gte\":\"2025-01-01\",\"lt\":\"2025-02-01\",\"format\":\"strict_date\"}}}")
                .contains("{\"term\":{\"providerId\":{\"value\":\"acme\"}}}")
                .contains("{\"term\":{\"categories\":{\"value\":\"TELEHEALTH\"}}}")
                .contains("{\"term\":{\"body\":{\"value\":\"APA\"}}}")
                .doesNotContain("board"); // awards have no board
    }

    @Test
    void participationsAreFilteredOnTheirSessionsFieldsAndCertificatesOnlyUnrevoked() {
        assertThat(json(AnalyticsQueries.filter(EventSource.PARTICIPATIONS, JANUARY)).toString())
                .contains("\"occurredAt\"").contains("\"bodies\"").doesNotContain("participant");
        assertThat(json(AnalyticsQueries.filter(EventSource.CERTIFICATES, JANUARY)).toString())
                .contains("{\"term\":{\"revoked\":{\"value\":false}}}");
    }

    @Test
    void aTrendIsACalendarHistogramThatListsEmptyBucketsOfTheRange() {
        JsonNode request = json(AnalyticsQueries.trend(Metric.ATTENDANCES, Interval.WEEK, JANUARY));
        JsonNode histogram = request.at("/aggregations/groups/date_histogram");
        assertThat(request.get("size").asInt()).isZero();
        assertThat(histogram.get("field").asString()).isEqualTo("occurredAt");
        assertThat(histogram.get("calendar_interval").asString()).isEqualTo("week");
        assertThat(histogram.get("min_doc_count").asInt()).isZero();
        assertThat(histogram.get("time_zone").asString()).isEqualTo("UTC");
        assertThat(histogram.get("extended_bounds").toString()).isEqualTo("{\"max\":\"2025-01-31\",\"min\":\"2025-01-01\"}");
        // One participation per document: attendances are the bucket's document count.
        assertThat(request.at("/aggregations/groups/aggregations").isMissingNode()).isTrue();
        assertThat(AnalyticsQueries.trend(Metric.ATTENDANCES, Interval.WEEK, JANUARY).index())
                .containsExactly("accrue-participations");
    }

    @Test
    void eachMetricReadsItsOwnIndexAndValue() {
        assertThat(json(AnalyticsQueries.trend(Metric.CREDIT_HOURS, Interval.MONTH, ALL_CATEGORIES))
                .at("/aggregations/groups/aggregations/value/sum/field").asString()).isEqualTo("hours");
        // With a category, only that category's nested hours.
        JsonNode inCategory = json(AnalyticsQueries.trend(Metric.CREDIT_HOURS, Interval.MONTH, JANUARY))
                .at("/aggregations/groups/aggregations/value");
        assertThat(inCategory.at("/nested/path").asString()).isEqualTo("categoryHours");
        assertThat(inCategory.at("/aggregations/in_category/filter/term/categoryHours.category/value").asString())
                .isEqualTo("TELEHEALTH");
        assertThat(inCategory.at("/aggregations/in_category/aggregations/value/sum/field").asString())
                .isEqualTo("categoryHours.hours");
        JsonNode distinct = json(AnalyticsQueries.trend(Metric.ACTIVE_LICENSEES, Interval.DAY, JANUARY))
                .at("/aggregations/groups/aggregations/value/cardinality");
        assertThat(distinct.get("field").asString()).isEqualTo("licenseeId");
        assertThat(distinct.get("execution_hint").asString()).isEqualTo("global_ordinals");
        assertThat(json(AnalyticsQueries.trend(Metric.CERTIFICATES, Interval.DAY, JANUARY))
                .at("/aggregations/groups/aggregations").isMissingNode()).isTrue();
        assertThat(AnalyticsQueries.trend(Metric.CERTIFICATES, Interval.DAY, JANUARY).index())
                .containsExactly("accrue-certificates");
    }

    @Test
    void topCoursesRankByTheValueThenByKey() {
        JsonNode terms = json(AnalyticsQueries.topCourses(Ranking.CREDIT_HOURS, 5, ALL_CATEGORIES)).at("/aggregations/groups");
        assertThat(terms.at("/terms/field").asString()).isEqualTo("courseKey");
        assertThat(terms.at("/terms/size").asInt()).isEqualTo(5);
        assertThat(terms.at("/terms/order").toString()).isEqualTo("[{\"value\":\"desc\"},{\"_key\":\"asc\"}]");
        assertThat(terms.at("/aggregations/value/sum/field").asString()).isEqualTo("hours");
        assertThat(terms.at("/aggregations/top/top_hits/size").asInt()).isEqualTo(1);
        // Ranked by one category's hours, the order follows the path to that sum.
        assertThat(json(AnalyticsQueries.topCourses(Ranking.CREDIT_HOURS, 5, JANUARY)).at("/aggregations/groups/terms/order")
                .toString()).isEqualTo("[{\"value>in_category>value\":\"desc\"},{\"_key\":\"asc\"}]");
    }

    @Test
    void attendeesPerCategoryOrFormatAreDistinctLicenseesAmongTheParticipations() {
        assertThat(AnalyticsQueries.attendeesPer("format", JANUARY).index()).containsExactly("accrue-participations");
        assertThat(json(AnalyticsQueries.attendeesPer("format", JANUARY))
                .at("/aggregations/groups/aggregations/value/cardinality/field").asString()).isEqualTo("licenseeId");
    }

    @Test
    void attendeesPerCourseAreEnrolmentsRankedByTheirCountThenByKey() {
        for (var request : List.of(AnalyticsQueries.topCourses(Ranking.ATTENDEES, 5, JANUARY),
                AnalyticsQueries.joined(CompletionGroup.COURSE, 5, JANUARY))) {
            assertThat(request.index()).containsExactly("accrue-enrolments");
            JsonNode terms = json(request).at("/aggregations/groups");
            assertThat(terms.at("/terms/field").asString()).isEqualTo("courseKey");
            assertThat(terms.at("/terms/order").toString()).isEqualTo("[{\"_count\":\"desc\"},{\"_key\":\"asc\"}]");
            assertThat(terms.at("/aggregations/value").isMissingNode()).isTrue(); // no distinct count per course
            assertThat(terms.at("/aggregations/top/top_hits/size").asInt()).isEqualTo(1);
        }
    }

    @Test
    void attendeesPerProviderAreDistinctLicenseesAmongTheEnrolments() {
        var request = AnalyticsQueries.joined(CompletionGroup.PROVIDER, 5, JANUARY);
        assertThat(request.index()).containsExactly("accrue-enrolments");
        JsonNode terms = json(request).at("/aggregations/groups");
        assertThat(terms.at("/terms/field").asString()).isEqualTo("providerId");
        assertThat(terms.at("/terms/order").toString()).isEqualTo("[{\"value\":\"desc\"},{\"_key\":\"asc\"}]");
        assertThat(terms.at("/aggregations/value/cardinality/field").asString()).isEqualTo("licenseeId");
        assertThat(terms.at("/aggregations/top").isMissingNode()).isTrue(); // the key is the provider
    }

    @Test
    void categoryHoursComeFromTheNestedCategoryHours() {
        JsonNode nested = json(AnalyticsQueries.hoursPerCategory(JANUARY)).at("/aggregations/nested");
        assertThat(nested.at("/nested/path").asString()).isEqualTo("categoryHours");
        assertThat(nested.at("/aggregations/groups/terms/field").asString()).isEqualTo("categoryHours.category");
        assertThat(nested.at("/aggregations/groups/aggregations/value/sum/field").asString()).isEqualTo("categoryHours.hours");
    }

    @Test
    void earnedCountsOnlyAwardsAboveZeroForTheJoinedGroups() {
        String request = json(AnalyticsQueries.earned(CompletionGroup.PROVIDER, List.of("acme", "globex"), JANUARY)).toString();
        assertThat(request).contains("{\"term\":{\"earned\":{\"value\":true}}}")
                .contains("{\"terms\":{\"providerId\":[\"acme\",\"globex\"]}}");
    }

    @Test
    void complianceGroupsByBoardThenStatusAndFiltersCycleEnds() {
        JsonNode request = json(AnalyticsQueries.compliance(Optional.of("CA-BBS"), Optional.of(LocalDate.parse("2025-01-01")),
                Optional.empty()));
        assertThat(request.at("/query/bool/filter").toString()).contains("\"board\"").contains("\"cycleEnd\"")
                .contains("\"gte\":\"2025-01-01\"");
        assertThat(request.at("/aggregations/groups/aggregations/statuses/terms/field").asString()).isEqualTo("status");
    }

    @Test
    void theExportKeepsEveryEventTypeButTheOtherFilters() {
        String query = json(AttendanceExport.exportQuery(JANUARY)).toString();
        assertThat(query).doesNotContain("participant").contains("occurredAt").contains("acme");
    }
}
