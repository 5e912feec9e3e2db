package dev.accrue.search.it;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.ApprovalBody.NBCC;
import static dev.accrue.events.AttendanceType.JOINED;
import static dev.accrue.events.AttendanceType.LEFT;
import static dev.accrue.events.AttendanceType.SELF_STUDY_COMPLETED;
import static dev.accrue.events.Category.CULTURAL_DIVERSITY;
import static dev.accrue.events.Category.LAW_AND_ETHICS;
import static dev.accrue.events.Category.SUICIDE_PREVENTION;
import static dev.accrue.events.Category.TELEHEALTH;
import static dev.accrue.search.fixtures.Events.attendance;
import static dev.accrue.search.fixtures.Events.award;
import static dev.accrue.search.fixtures.Events.hours;
import static dev.accrue.search.fixtures.Events.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.search.indexing.Indices;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every analytics endpoint, under every filter alone and combined, answers what the same question gives when
 * worked out from the raw documents ({@link RawAnswers}: the attendance events as indexed and the awards'
 * latest revisions), not from the participations, enrolments and per-category hours the endpoints read. The
 * seed goes through Kafka with attendance before its session, an earlier JOINED that arrives after a later
 * one, and award revisions out of order, one of them revoking 3 h to 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersMatchRawDocumentsIT extends SearchServiceTestBase {

    static final String TAG = "p-filters";
    static final String OTHER = TAG + "-other";
    static final String RANGE = "from=2019-03-01&to=2019-03-31";

    final Session s1 = session(TAG + "-S1", "C1", TAG, "Ethics in Telehealth", Format.LIVE_WEBINAR, 3,
            List.of(hours(LAW_AND_ETHICS, 2), hours(TELEHEALTH, 1)), List.of(APA, NBCC));
    final Session s2 = session(TAG + "-S2", "C2", TAG, "Suicide Risk", Format.IN_PERSON, 6,
            List.of(hours(SUICIDE_PREVENTION, 6)), List.of(NBCC));
    final Session s3 = session(TAG + "-S3", "C3", TAG, "Cultural Humility", Format.SELF_STUDY, 2,
            List.of(hours(CULTURAL_DIVERSITY, 2)), List.of(APA));
    final Session s4 = session(OTHER + "-S4", "C1", OTHER, "Ethics Again", Format.LIVE_WEBINAR, 3,
            List.of(hours(LAW_AND_ETHICS, 3)), List.of(APA));
    final Session s5 = session(TAG + "-S5", "C1", TAG, "Ethics in Telehealth, part two", Format.IN_PERSON, 3,
            List.of(hours(LAW_AND_ETHICS, 2), hours(TELEHEALTH, 1)), List.of(APA));

    RawAnswers raw;

    String lic(int n) {
        return TAG + "-L" + n;
    }

    @BeforeAll
    void seedThroughKafka() throws IOException {
        List<SpecificRecord> events = new ArrayList<>();
        // Attendance before its sessions: indexed pending, completed once the sessions come.
        events.add(attendance(TAG + "-e1", s1.getSessionId(), lic(1), JOINED, "2019-03-04T15:00:00Z"));
        events.add(attendance(TAG + "-e2", s1.getSessionId(), lic(2), JOINED, "2019-03-04T15:05:00Z"));
        events.addAll(List.of(s1, s2, s3, s4, s5));
        events.add(attendance(TAG + "-e3", s1.getSessionId(), lic(1), LEFT, "2019-03-04T16:00:00Z"));
        events.add(attendance(TAG + "-e4", s1.getSessionId(), lic(3), JOINED, "2019-03-05T15:00:00Z"));
        events.add(attendance(TAG + "-e5", s2.getSessionId(), lic(1), JOINED, "2019-03-11T09:00:00Z"));
        events.add(attendance(TAG + "-e6", s2.getSessionId(), lic(4), JOINED, "2019-03-12T09:00:00Z"));
        events.add(attendance(TAG + "-e7", s3.getSessionId(), lic(5), SELF_STUDY_COMPLETED, "2019-03-20T20:00:00Z"));
        events.add(attendance(TAG + "-e8", s4.getSessionId(), lic(6), JOINED, "2019-03-06T10:00:00Z"));
        events.add(attendance(TAG + "-e9", s5.getSessionId(), lic(2), JOINED, "2019-03-25T10:00:00Z"));
        events.add(attendance(TAG + "-e10", s5.getSessionId(), lic(7), JOINED, "2019-04-02T10:00:00Z"));
        // A late, earlier JOINED: L4's participation in S2 (and enrolment in C2) moves to Feb 28, out of the range.
        events.add(attendance(TAG + "-e11", s2.getSessionId(), lic(4), JOINED, "2019-02-28T09:00:00Z"));
        // Awards, revised out of order: L1's S1 APA award is revoked (3 h, then revision 2 with 0 h, then revision 1
        // again, late); L4's S2 award is revised from 6 h to 3 h.
        events.add(award(s1, lic(1), APA, 1, 3, "2019-03-04T18:00:00Z"));
        events.add(award(s1, lic(1), APA, 2, 0, "2019-03-04T18:00:00Z"));
        events.add(award(s1, lic(1), APA, 1, 3, "2019-03-04T18:00:00Z"));
        events.add(award(s1, lic(1), NBCC, 1, 3, "2019-03-04T18:00:00Z"));
        events.add(award(s1, lic(2), APA, 1, 3, "2019-03-04T18:00:00Z"));
        events.add(award(s1, lic(3), APA, 1, 1.5, "2019-03-05T18:00:00Z"));
        events.add(award(s2, lic(1), NBCC, 1, 6, "2019-03-11T16:00:00Z"));
        events.add(award(s2, lic(4), NBCC, 2, 3, "2019-03-12T16:00:00Z"));
        events.add(award(s2, lic(4), NBCC, 1, 6, "2019-03-12T16:00:00Z"));
        events.add(award(s3, lic(5), APA, 1, 2, "2019-03-20T20:00:00Z"));
        events.add(award(s4, lic(6), APA, 1, 3, "2019-03-06T16:00:00Z"));
        events.add(award(s5, lic(2), APA, 1, 3, "2019-03-25T16:00:00Z"));
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.sendAll(events);
        }
        Query mine = Query.of(q -> q.prefix(p -> p.field("licenseeId").value(TAG + "-L")));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(count(Indices.ATTENDANCE, Query.of(q -> q.bool(b -> b.filter(mine)
                    .filter(f -> f.term(t -> t.field("sessionResolved").value(true))))))).isEqualTo(11);
            assertThat(count(Indices.AWARDS, mine)).isEqualTo(9);
            assertThat(indexerCaughtUp()).isTrue();
        });
        elasticsearch.indices().refresh(r -> r.index(Indices.ALL));
        raw = new RawAnswers(documents(Indices.ATTENDANCE, mine), documents(Indices.AWARDS, mine));
    }

    List<Map<String, Object>> documents(String index, Query query) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        elasticsearch.search(s -> s.index(index).size(1000).query(query), JsonData.class).hits().hits()
                .forEach(h -> docs.add(RawAnswers.map(h.source())));
        return docs;
    }

    /** The filters alone and combined; each names one provider, so other test classes' data never counts. */
    static List<String> filters() {
        return List.of("providerId=" + TAG, "providerId=" + OTHER, "providerId=" + TAG + "&category=LAW_AND_ETHICS",
                "providerId=" + TAG + "&category=TELEHEALTH&format=LIVE_WEBINAR", "providerId=" + TAG + "&body=APA",
                "providerId=" + TAG + "&body=NBCC&category=SUICIDE_PREVENTION", "providerId=" + TAG + "&format=IN_PERSON",
                "providerId=" + TAG + "&format=SELF_STUDY&body=APA&category=CULTURAL_DIVERSITY");
    }

    static List<String> ranges() {
        return List.of(RANGE, "from=2019-03-04&to=2019-03-05", "from=2019-02-01&to=2019-04-30");
    }

    @Test
    void everyEndpointUnderEveryFilterAnswersWhatTheRawDocumentsGive() {
        Api analyst = api("it-analyst-key");
        int compared = 0;
        for (String range : ranges()) {
            for (String filter : filters()) {
                RawAnswers.Question q = RawAnswers.Question.parse(range + "&" + filter);
                String query = range + "&" + filter;
                for (String metric : List.of("attendances", "activeLicensees", "creditHours", "awards")) {
                    assertThat(RawAnswers.buckets(analyst.json("/v1/analytics/trends?interval=day&metric=" + metric + "&" + query)))
                            .as("trends %s %s", metric, query).isEqualTo(raw.trend(metric, q));
                }
                JsonNode summary = analyst.json("/v1/analytics/summary?" + query);
                assertThat(List.of(summary.get("attendances").asDouble(), summary.get("creditHours").asDouble(),
                        summary.get("activeLicensees").asDouble())).as("summary %s", query).isEqualTo(raw.summary(q));
                for (String by : List.of("attendees", "creditHours")) {
                    assertThat(RawAnswers.courses(analyst.json("/v1/analytics/top-courses?by=" + by + "&" + query)))
                            .as("top courses by %s %s", by, query).isEqualTo(raw.topCourses(by, q));
                }
                assertThat(RawAnswers.rows(analyst.json("/v1/analytics/categories?" + query))).as("categories %s", query)
                        .isEqualTo(raw.breakdown("categories", q));
                assertThat(RawAnswers.rows(analyst.json("/v1/analytics/formats?" + query))).as("formats %s", query)
                        .isEqualTo(raw.breakdown("format", q));
                for (String group : List.of("course", "provider")) {
                    assertThat(RawAnswers.completion(analyst.json("/v1/analytics/completion?groupBy=" + group + "&" + query)))
                            .as("completion by %s %s", group, query).isEqualTo(raw.completion(group, q));
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(ranges().size() * filters().size());
        assertThat(raw.trend("creditHours", RawAnswers.Question.parse(RANGE + "&providerId=" + TAG)))
                .as("the revoked award counts 0 and the revised one 3: 3 + 3 + 1.5 + 6 + 3 + 2 + 3")
                .containsEntry("2019-03-04", 6.0).containsEntry("2019-03-12", 3.0);
    }

    @Test
    void boardFiltersOnlyComplianceAndComplianceRefusesTheOtherFilters() {
        Api analyst = api("it-analyst-key");
        for (String endpoint : List.of("trends", "summary", "top-courses", "categories", "formats", "completion")) {
            AnalyticsIT.assertProblem(analyst.get("/v1/analytics/" + endpoint + "?board=CA-BBS&" + RANGE), 400);
        }
        AnalyticsIT.assertProblem(analyst.get("/v1/analytics/compliance?providerId=" + TAG), 400);
        AnalyticsIT.assertProblem(analyst.get("/v1/analytics/compliance?category=ETHICS"), 400);
        assertThat(analyst.get("/v1/analytics/compliance?board=CA-BBS").statusCode()).isEqualTo(200);
        AnalyticsIT.assertProblem(analyst.get("/v1/analytics/categories?category=NOPE&" + RANGE), 400);
    }

    @Test
    void aProviderKeySeesOnlyItsOwnProvider() {
        AnalyticsIT.assertProblem(api("it-provider-key").get("/v1/analytics/categories?providerId=" + TAG + "&" + RANGE), 403);
    }
}
