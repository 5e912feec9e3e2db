package dev.accrue.search.it;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.AttendanceType.JOINED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.Category;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Indices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch stops in the middle of a stream and comes back (on the same port, with its data
 * directory). The indexer must neither crash nor lose nor duplicate anything: afterwards the count
 * is exact, and the export pages through all of it.
 */
class ElasticsearchOutageIT extends SearchServiceTestBase {

    static final String PROVIDER = "p-outage";
    static final int BEFORE = 1200;
    static final int DURING = 1300;
    static final int LICENSEES = 97;

    @Test
    void anOutageMidStreamLosesAndDuplicatesNothing() {
        Session session = Events.session("outage-S1", "C1", PROVIDER, "Outage Resilience", Format.LIVE_WEBINAR, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.send(session);
            log.sendAll(events(0, BEFORE));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(Indices.ATTENDANCE, term("providerId", PROVIDER)) > 0);

            SharedStack.infrastructure().stop(Component.ELASTICSEARCH);
            log.sendAll(events(BEFORE, BEFORE + DURING));
            // Details are for ADMIN keys; anyone (a probe) sees the 503.
            await().atMost(Duration.ofSeconds(30)).until(() -> api("it-admin-key").get("/actuator/health").body()
                    .contains("\"elasticsearch\":{\"details\":{\"error\""));
            assertThat(health().statusCode()).isEqualTo(503);
            assertThat(health().body()).doesNotContain("elasticsearch");

            SharedStack.start(Component.ELASTICSEARCH);
        }
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count(Indices.ATTENDANCE, term("providerId", PROVIDER)) == BEFORE + DURING);
        await().atMost(Duration.ofSeconds(60)).until(this::indexerCaughtUp);
        assertThat(count(Indices.ATTENDANCE, term("providerId", PROVIDER))).isEqualTo(BEFORE + DURING);
        assertThat(count(Indices.PARTICIPATIONS, term("providerId", PROVIDER))).isEqualTo(LICENSEES);
        assertThat(health().statusCode()).isEqualTo(200);

        // The export pages through more than one search page (1,000) and writes every event once.
        HttpResponse<String> csv = api("it-admin-key").get("/v1/export/attendance.csv?from=2025-03-01&to=2025-03-31&providerId="
                + PROVIDER);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1 + BEFORE + DURING);
        assertThat(java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count())
                .isEqualTo(BEFORE + DURING);
    }

    private HttpResponse<String> health() {
        return api(null).get("/actuator/health");
    }

    private static List<AttendanceEvent> events(int from, int to) {
        Instant start = Instant.parse("2025-03-03T09:00:00Z");
        List<AttendanceEvent> events = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> events.add(Events.attendance("outage-e" + i, "outage-S1",
                "outage-L" + (i % LICENSEES), JOINED, start.plusSeconds(i * 60L).toString())));
        return events;
    }
}
