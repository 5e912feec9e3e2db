package dev.accrue.search.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.accrue.events.ApprovalBody;
import dev.accrue.events.Category;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Indices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint's numbers against {@link SeedData}, whose answers are worked out by hand in the
 * comments. The seed goes through Kafka and the indexer like real events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT extends SearchServiceTestBase {

    static final String TAG = "p-analytics"; // the it-provider key's provider
    static final String JANUARY = "from=2025-01-01&to=2025-01-31";
    final SeedData seed = new SeedData(TAG);

    @BeforeAll
    void seed() {
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.sendAll(seed.all());
        }
        awaitSeedIndexed(this, seed);
    }

    static void awaitSeedIndexed(SearchServiceTestBase test, SeedData seed) {
        Query licensees = Query.of(q -> q.prefix(p -> p.field("licenseeId").value(seed.provider + "-L")));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(test.count(Indices.SESSIONS, Query.of(q -> q.prefix(p -> p.field("sessionId").value(seed.provider + "-S")))))
                    .isEqualTo(5);
            assertThat(test.count(Indices.ATTENDANCE, licensees)).isEqualTo(12);
            // L1 at S1 (joined twice), S2 and S5, L2 and L3 at S1, L4 and L7 at S2, L5 at S3, L6 at S4, L8 at S5: 10,
            // each with its session.
            assertThat(test.count(Indices.PARTICIPATIONS, Query.of(q -> q.bool(b -> b.filter(licensees)
                    .filter(f -> f.term(t -> t.field("sessionResolved").value(true))))))).isEqualTo(10);
            // Per course: L1, L2, L3, L8 in C1 (L1 once for S1 and S5), L1, L4, L7 in C2, L5 in C3, L6 in the other C1.
            assertThat(test.count(Indices.ENROLMENTS, licensees)).isEqualTo(9);
            assertThat(test.count(Indices.AWARDS, licensees)).isEqualTo(9);
            assertThat(test.count(Indices.CERTIFICATES, licensees)).isEqualTo(7);
            assertThat(test.count(Indices.COMPLIANCE, licensees)).isEqualTo(5);
        });
    }

    Api analyst() {
        return api("it-analyst-key");
    }

    String provider() {
        return "&providerId=" + TAG;
    }

    @Test
    void attendancesPerWeekCountEachPersonOncePerSessionAndListEmptyWeeks() {
        // Weeks start on Monday: Dec 30 (empty), Jan 6 (L1, L2, L3 at S1), Jan 13 (L1, L4 at S2), Jan 20 (L5), Jan 27 (empty).
        JsonNode trend = analyst().json("/v1/analytics/trends?metric=attendances&interval=week&" + JANUARY + provider());
        assertThat(buckets(trend)).containsExactly("2024-12-30=0.0", "2025-01-06=3.0", "2025-01-13=2.0",
                "2025-01-20=1.0", "2025-01-27=0.0");
    }

    @Test
    void activeLicenseesPerDayAreDistinctPeople() {
        JsonNode trend = analyst().json("/v1/analytics/trends?metric=activeLicensees&interval=day&" + JANUARY + provider());
        assertThat(trend.get("buckets")).hasSize(31);
        assertThat(buckets(trend)).contains("2025-01-06=2.0", "2025-01-07=1.0", "2025-01-08=0.0", "2025-01-14=2.0",
                "2025-01-20=1.0");
    }

    @Test
    void creditHoursAndCertificatesPerMonth() {
        // 3 + 3 + 3 + 0 + 6 + 6 + 2; the February award is outside the range.
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=creditHours&interval=month&" + JANUARY + provider())))
                .containsExactly("2025-01-01=23.0");
        // Seven awards in range; L3's APA award has 0 hours (revoked), so six earned credit.
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=awards&interval=month&" + JANUARY + provider())))
                .containsExactly("2025-01-01=6.0");
        // Five certificates; L3's was revoked.
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=certificates&interval=month&" + JANUARY + provider())))
                .containsExactly("2025-01-01=5.0");
        // Filtering by body: APA granted 3 + 3 + 0 hours for this provider.
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=creditHours&interval=month&body=APA&" + JANUARY
                + provider()))).containsExactly("2025-01-01=6.0");
    }

    @Test
    void theSummaryGivesEachMetricOverTheWholeRange() {
        JsonNode summary = analyst().json("/v1/analytics/summary?" + JANUARY + provider());
        assertThat(summary.get("attendances").asDouble()).as("the weekly attendances 3 + 2 + 1").isEqualTo(6.0);
        assertThat(summary.get("creditHours").asDouble()).isEqualTo(23.0);
        assertThat(summary.get("certificates").asDouble()).as("not revoked").isEqualTo(5.0);
        // L1 attended in two weeks but is one person: L1 to L5, not the 6 a sum of buckets would give.
        assertThat(summary.get("activeLicensees").asDouble()).isEqualTo(5.0);
    }

    @Test
    void topCoursesByAttendeesAndByCreditHoursKeepProvidersApart() {
        JsonNode attendees = analyst().json("/v1/analytics/top-courses?by=attendees&limit=10&" + JANUARY + provider());
        assertThat(courses(attendees)).containsExactly(TAG + "/C1=3.0", TAG + "/C2=2.0", TAG + "/C3=1.0");
        assertThat(attendees.get("courses").get(0).get("title").asString()).isEqualTo("Ethics in Telehealth Practice");

        JsonNode hours = analyst().json("/v1/analytics/top-courses?by=creditHours&limit=2&" + JANUARY + provider());
        assertThat(courses(hours)).containsExactly(TAG + "/C2=12.0", TAG + "/C1=9.0");

        JsonNode other = analyst().json("/v1/analytics/top-courses?by=creditHours&" + JANUARY + "&providerId=" + seed.otherProvider);
        assertThat(courses(other)).containsExactly(seed.otherProvider + "/C1=4.0");
    }

    @Test
    void categoriesSumScaledCategoryHoursAndCountAttendees() {
        JsonNode categories = analyst().json("/v1/analytics/categories?" + JANUARY + provider());
        assertThat(rows(categories)).containsExactly("SUICIDE_PREVENTION 12.0h 2", "LAW_AND_ETHICS 6.0h 3",
                "TELEHEALTH 3.0h 3", "CULTURAL_DIVERSITY 2.0h 1");
    }

    @Test
    void aCategoryFilterCountsThatCategorysHoursNotTheWholeCourses() {
        // S1 (3 h: LAW_AND_ETHICS 2, TELEHEALTH 1) is the only course with ethics: L1 APA, L1 NBCC and L2 APA award
        // 2 h of it each (L3's award is 0); the whole awards would add up to 9 h.
        String ethics = "&category=LAW_AND_ETHICS&" + JANUARY + provider();
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=creditHours&interval=month" + ethics)))
                .containsExactly("2025-01-01=6.0");
        assertThat(courses(analyst().json("/v1/analytics/top-courses?by=creditHours" + ethics)))
                .containsExactly(TAG + "/C1=6.0");
        assertThat(rows(analyst().json("/v1/analytics/formats?" + ethics.substring(1)))).containsExactly("LIVE_WEBINAR 6.0h 3");
        assertThat(rows(analyst().json("/v1/analytics/categories?" + ethics.substring(1)))).containsExactly("LAW_AND_ETHICS 6.0h 3");
    }

    @Test
    void formatsSumHoursAndCountAttendees() {
        JsonNode formats = analyst().json("/v1/analytics/formats?" + JANUARY + provider());
        assertThat(rows(formats)).containsExactly("IN_PERSON 12.0h 2", "LIVE_WEBINAR 9.0h 3", "SELF_STUDY 2.0h 1");
        JsonNode webinarsOnly = analyst().json("/v1/analytics/formats?format=LIVE_WEBINAR&" + JANUARY + provider());
        assertThat(rows(webinarsOnly)).containsExactly("LIVE_WEBINAR 9.0h 3");
    }

    @Test
    void completionPerCourseAndPerProvider() {
        JsonNode perCourse = analyst().json("/v1/analytics/completion?groupBy=course&" + JANUARY + provider());
        // S1: L3 left early and earned nothing.
        assertThat(completionRows(perCourse)).containsExactly(TAG + "/C1 3/2=0.6667", TAG + "/C2 2/2=1.0", TAG + "/C3 1/1=1.0");

        JsonNode perProvider = analyst().json("/v1/analytics/completion?groupBy=provider&" + JANUARY + provider());
        assertThat(completionRows(perProvider)).containsExactly(TAG + " 5/4=0.8");
        assertThat(perProvider.get("rows").get(0).get("providerId").asString()).isEqualTo(TAG);
    }

    @Test
    void peopleCountForACourseOnceInThePeriodOfTheirFirstAttendanceOfIt() {
        String february = "from=2025-02-01&to=2025-02-28";
        // C1 in February: L8 is new; L1 joined S5 but first attended C1 (at S1) in January. C2: L7.
        JsonNode top = analyst().json("/v1/analytics/top-courses?by=attendees&" + february + provider());
        assertThat(courses(top)).containsExactly(TAG + "/C1=1.0", TAG + "/C2=1.0");
        // The course's fields are those of the session of the first attendance in the range.
        assertThat(top.get("courses").get(0).get("title").asString()).isEqualTo("Boundaries Workshop");

        JsonNode perCourse = analyst().json("/v1/analytics/completion?groupBy=course&" + february + provider());
        assertThat(completionRows(perCourse)).containsExactly(TAG + "/C1 1/0=0.0", TAG + "/C2 1/1=1.0");
        JsonNode perProvider = analyst().json("/v1/analytics/completion?groupBy=provider&" + february + provider());
        assertThat(completionRows(perProvider)).containsExactly(TAG + " 2/1=0.5");
        // Attendances still count each session: L7 at S2, L1 and L8 at S5.
        assertThat(buckets(analyst().json("/v1/analytics/trends?metric=attendances&interval=month&" + february + provider())))
                .containsExactly("2025-02-01=3.0");
    }

    @Test
    void complianceCountsTheLatestStatusOfEachLicence() {
        JsonNode ca = analyst().json("/v1/analytics/compliance?board=" + seed.boardCa);
        assertThat(ca.get("boards")).hasSize(1);
        assertThat(ca.get("boards").get(0).get("licensees").asLong()).isEqualTo(3);
        assertThat(ca.get("boards").get(0).get("statuses").toString()).isEqualTo("{\"AT_RISK\":2,\"ON_TRACK\":1}");
        JsonNode tx = analyst().json("/v1/analytics/compliance?board=" + seed.boardTx);
        assertThat(tx.get("boards").get(0).get("statuses").toString()).isEqualTo("{\"COMPLETE\":1,\"OVERDUE\":1}");
    }

    @Test
    void complianceDatesSelectLicencesByTheEndOfTheirCycle() {
        // Every seeded licence's cycle ends on 2025-12-31.
        String ca = "/v1/analytics/compliance?board=" + seed.boardCa;
        assertThat(analyst().json(ca + "&from=2025-12-31&to=2025-12-31").get("boards").get(0).get("licensees").asLong())
                .isEqualTo(3);
        assertThat(analyst().json(ca + "&from=2026-01-01").get("boards")).isEmpty();
        assertThat(analyst().json(ca + "&to=2025-12-30").get("boards")).isEmpty();
    }

    @Test
    void searchFindsSessionsByWordsWithHighlights() {
        JsonNode byTitle = analyst().json("/v1/sessions/search?q=telehealth&providerId=" + TAG);
        assertThat(byTitle.get("total").asLong()).isEqualTo(1);
        JsonNode hit = byTitle.get("hits").get(0);
        assertThat(hit.get("session").get("sessionId").asString()).isEqualTo(seed.s1.getSessionId());
        assertThat(hit.get("highlights").get("title").get(0).asString()).isEqualTo("Ethics in <em>Telehealth</em> Practice");

        JsonNode byDescription = analyst().json("/v1/sessions/search?q=confidentiality&providerId=" + TAG);
        assertThat(byDescription.get("hits").get(0).get("highlights").get("description").get(0).asString())
                .contains("<em>confidentiality</em>");

        JsonNode ethics = analyst().json("/v1/sessions/search?q=ethics&providerId=" + TAG);
        assertThat(ethics.get("total").asLong()).isEqualTo(1);
        JsonNode bothProviders = analyst().json("/v1/sessions/search?q=ethics&format=IN_PERSON");
        List<String> ids = new ArrayList<>();
        bothProviders.get("hits").forEach(h -> ids.add(h.get("session").get("sessionId").asString()));
        assertThat(ids).contains(seed.s4.getSessionId()).doesNotContain(seed.s1.getSessionId());
    }

    @Test
    void highlightsEscapeMarkupInTheIndexedText() {
        String provider = TAG + "-xss";
        Session session = Events.session("xss-S1", "C1", provider, "<img src=x onerror=alert(1)> ethics",
                Format.SELF_STUDY, 1, List.of(Events.hours(Category.GENERAL, 1)), List.of(ApprovalBody.APA));
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.send(session);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(Indices.SESSIONS, term("providerId", provider)) == 1);

        JsonNode hit = analyst().json("/v1/sessions/search?q=ethics&providerId=" + provider).get("hits").get(0);
        assertThat(hit.get("highlights").get("title").get(0).asString())
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; <em>ethics</em>");
        assertThat(hit.get("session").get("title").asString()).isEqualTo("<img src=x onerror=alert(1)> ethics");
    }

    @Test
    void exportStreamsEveryEventAsSpreadsheetSafeCsv() {
        HttpResponse<String> csv = analyst().get("/v1/export/attendance.csv?" + JANUARY + provider());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1 + 8); // header + January's 8 events of the provider, LEFT included
        assertThat(lines[0]).startsWith("eventId,occurredAt,type,licenseeId");
        assertThat(lines[1]).startsWith(TAG + "-e1,2025-01-06T15:00:00Z,JOINED," + TAG + "-L1");
        // The self-study title starts with '=', so it is quoted and prefixed to stay text in a spreadsheet.
        assertThat(lines[8]).contains(",\"'=1+2 Cultural Humility\",SELF_STUDY,");
    }

    @Test
    void providerKeysSeeOnlyTheirOwnProvider() {
        Api provider = api("it-provider-key");
        JsonNode own = provider.json("/v1/analytics/top-courses?" + JANUARY);
        assertThat(courses(own)).containsExactly(TAG + "/C1=3.0", TAG + "/C2=2.0", TAG + "/C3=1.0");
        assertProblem(provider.get("/v1/analytics/formats?" + JANUARY + "&providerId=" + seed.otherProvider), 403);
        assertProblem(provider.get("/v1/analytics/compliance"), 403);
        assertProblem(provider.get("/v1/export/attendance.csv?providerId=" + seed.otherProvider), 403);
    }

    @Test
    void invalidRequestsAreProblemDetails() {
        assertProblem(analyst().get("/v1/analytics/trends?metric=views"), 400);
        assertProblem(analyst().get("/v1/analytics/trends?interval=hour"), 400);
        assertProblem(analyst().get("/v1/analytics/trends?from=2025-02-01&to=2025-01-01"), 400);
        assertProblem(analyst().get("/v1/analytics/trends?from=yesterday"), 400);
        assertProblem(analyst().get("/v1/analytics/top-courses?limit=0"), 400);
        assertProblem(analyst().get("/v1/analytics/completion?groupBy=board"), 400);
        assertProblem(analyst().get("/v1/sessions/search?q="), 400);
        assertProblem(analyst().get("/v1/sessions/search"), 400);
        assertProblem(api(null).get("/v1/analytics/trends"), 401);
        assertProblem(api("wrong-key").get("/v1/analytics/trends"), 401);
    }

    @Test
    void unknownFilterValuesAreRefusedNamingTheAllowedOnes() {
        HttpResponse<String> format = analyst().get("/v1/analytics/formats?" + JANUARY + "&format=NOPE");
        assertProblem(format, 400);
        assertThat(Api.parse(format.body()).get("detail").asString())
                .isEqualTo("format 'NOPE' is not one of IN_PERSON, LIVE_WEBINAR, SELF_STUDY");
        HttpResponse<String> category = analyst().get("/v1/analytics/trends?" + JANUARY + "&category=ethics");
        assertProblem(category, 400);
        assertThat(Api.parse(category.body()).get("detail").asString()).contains("LAW_AND_ETHICS");
        assertProblem(analyst().get("/v1/analytics/top-courses?" + JANUARY + "&body=APA2"), 400);
        assertProblem(analyst().get("/v1/analytics/compliance?board=%3Cscript%3E"), 400);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Api.parse(response.body()).get("status").asInt()).isEqualTo(status);
    }

    static List<String> buckets(JsonNode trend) {
        List<String> buckets = new ArrayList<>();
        trend.get("buckets").forEach(b -> buckets.add(b.get("start").asString() + "=" + b.get("value").asDouble()));
        return buckets;
    }

    static List<String> courses(JsonNode top) {
        List<String> courses = new ArrayList<>();
        top.get("courses").forEach(c -> courses.add(c.get("courseKey").asString() + "=" + c.get("value").asDouble()));
        return courses;
    }

    static List<String> completionRows(JsonNode completion) {
        List<String> rows = new ArrayList<>();
        completion.get("rows").forEach(r -> rows.add(r.get("key").asString() + " " + r.get("joined").asLong() + "/"
                + r.get("earned").asLong() + "=" + r.get("rate").asDouble()));
        return rows;
    }

    static List<String> rows(JsonNode breakdown) {
        List<String> rows = new ArrayList<>();
        breakdown.get("items").forEach(i -> rows.add(i.get("key").asString() + " " + i.get("creditHours").asDouble() + "h "
                + i.get("attendees").asLong()));
        return rows;
    }
}
