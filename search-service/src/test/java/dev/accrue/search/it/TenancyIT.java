package dev.accrue.search.it;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.AttendanceType.JOINED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.events.Category;
import dev.accrue.events.Format;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Indices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event ids are chosen by providers: one provider reusing another's id must not replace the other's document. */
class TenancyIT extends SearchServiceTestBase {

    static final String JUNE = "from=2024-06-01&to=2024-06-30";

    @Test
    void twoProvidersUsingTheSameEventIdKeepBothRowsAndEachExportShowsItsOwn() {
        var sessionA = Events.session("tenant-S-a", "C1", "p-tenant-a", "Tenant A Webinar", Format.LIVE_WEBINAR, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        var sessionB = Events.session("tenant-S-b", "C1", "p-tenant-b", "Tenant B Webinar", Format.LIVE_WEBINAR, 1,
                List.of(Events.hours(Category.GENERAL, 1)), List.of(APA));
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            // Before their sessions, so both are first indexed pending and completed later.
            log.send(Events.attendance("tenant-shared-evt", "tenant-S-a", "tenant-L-a", JOINED, "2024-06-03T15:00:00Z"));
            log.send(Events.attendance("tenant-shared-evt", "tenant-S-b", "tenant-L-b", JOINED, "2024-06-03T15:00:00Z"));
            log.send(sessionA);
            log.send(sessionB);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    count(Indices.ATTENDANCE, term("eventId", "tenant-shared-evt")) == 2
                            && count(Indices.ATTENDANCE, term("providerId", "p-tenant-a")) == 1
                            && count(Indices.ATTENDANCE, term("providerId", "p-tenant-b")) == 1);
        }

        List<String> exportA = rows(api("it-tenant-a-key").get("/v1/export/attendance.csv?" + JUNE));
        List<String> exportB = rows(api("it-tenant-b-key").get("/v1/export/attendance.csv?" + JUNE));
        List<String> everything = rows(api("it-analyst-key").get("/v1/export/attendance.csv?" + JUNE));

        assertThat(exportA).singleElement().asString().startsWith("tenant-shared-evt,2024-06-03T15:00:00Z,JOINED,tenant-L-a,tenant-S-a");
        assertThat(exportB).singleElement().asString().startsWith("tenant-shared-evt,2024-06-03T15:00:00Z,JOINED,tenant-L-b,tenant-S-b");
        assertThat(everything).filteredOn(r -> r.startsWith("tenant-shared-evt,")).hasSize(2);
    }

    /** The data rows of a 200 CSV export, without the header. */
    private static List<String> rows(HttpResponse<String> csv) {
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = List.of(csv.body().split("\r\n"));
        return lines.subList(1, lines.size());
    }
}
