package dev.accrue.search.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.accrue.events.Approval;
import dev.accrue.events.ApprovalBody;
import dev.accrue.events.Category;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Format;
import dev.accrue.events.ReportedLicense;
import dev.accrue.events.Session;
import dev.accrue.search.fixtures.Events;
import dev.accrue.search.indexing.Indices;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A provider reports a Florida webinar's completions to CE Broker through the running service, with awards that
 * came through Kafka and the indexer: the first export lists every completion once, in CE Broker's upload
 * columns; after one award is revised and another revoked, the next export carries them as a correction and a
 * revocation and uploads nothing twice; with nothing left to say, no third export is made. The tests run in
 * order, as exports do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterExportIT extends SearchServiceTestBase {

    static final String PROVIDER = "p-tenant-a"; // the it-tenant-a key's provider
    static final String SESSION = "tenant-a-ROSTER-S1";
    static final String EXPORTS = "/v1/reports/ce-broker/" + SESSION + "/FL";

    final Session session = florida(SESSION, "50-12345");
    final Session withoutProviderNumber = florida("tenant-a-ROSTER-S2", null);

    static Session florida(String sessionId, String providerNumber) {
        Session session = Events.session(sessionId, "ETH-101", PROVIDER, "Ethics and Boundaries in Practice",
                Format.LIVE_WEBINAR, 3, List.of(Events.hours(Category.ETHICS_AND_BOUNDARIES, 1)),
                List.of(ApprovalBody.APA));
        session.setApprovals(List.of(new Approval(ApprovalBody.APA, "APA-1234", null, null),
                new Approval(ApprovalBody.STATE_BOARD, "20-654321", "FL", providerNumber)));
        return session;
    }

    /** A Florida board award; the completion at 06:30 UTC is the evening before in the session's Los Angeles. */
    CreditAward floridaAward(String licenseeId, int revision, double hours, ReportedLicense... licenses) {
        CreditAward award = Events.award(session, licenseeId, ApprovalBody.STATE_BOARD, revision, hours,
                "2025-03-04T06:30:00Z");
        award.setJurisdiction("FL");
        award.setApprovalId("20-654321");
        award.setLicenses(List.of(licenses));
        return award;
    }

    static final ReportedLicense MARA = new ReportedLicense("FL-491", "LMHC", "MH1001");
    static final ReportedLicense SAM = new ReportedLicense("FL-491", "LCSW", "SW2002");

    @BeforeAll
    void seed() {
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.sendAll(List.of(session, withoutProviderNumber,
                    floridaAward("roster-mara", 1, 3, MARA),          // full credit
                    floridaAward("roster-sam", 1, 1.5, SAM),          // left halfway: partial credit
                    floridaAward("roster-noa", 1, 3),                 // no Florida licence on the profile
                    Events.award(session, "roster-mara", ApprovalBody.APA, 1, 3, "2025-03-04T06:30:00Z")));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> count(Indices.AWARDS, term("sessionId", SESSION)) == 4
                && count(Indices.SESSIONS, Query.of(q -> q.prefix(p -> p.field("sessionId").value("tenant-a-ROSTER-")))) == 2);
    }

    Api provider() {
        return api("it-tenant-a-key");
    }

    @Test
    @Order(1)
    void onlyTheSessionsOwnProviderOrAnAdminMayMakeAnExport() {
        assertThat(api("it-tenant-b-key").post(EXPORTS).statusCode()).isEqualTo(404);
        assertThat(api("it-analyst-key").post(EXPORTS).statusCode()).isEqualTo(403);
        HttpResponse<String> badState = provider().post("/v1/reports/ce-broker/" + SESSION + "/Florida");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        HttpResponse<String> noNumber = provider().post("/v1/reports/ce-broker/tenant-a-ROSTER-S2/FL");
        assertThat(noNumber.statusCode()).isEqualTo(422);
        assertThat(Api.parse(noNumber.body()).get("detail").asString()).contains("providerNumber");
    }

    @Test
    @Order(2)
    void theFirstExportListsEveryCompletionOnceInCeBrokersColumnsEvenWhenAskedForFourTimesAtOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> provider().post(EXPORTS))).toList();
        List<HttpResponse<String>> answers = racing.stream().map(CompletableFuture::join).toList();
        // One export is made; a request that lost the race is refused (409) or finds nothing left to report (204).
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 201 || s == 204 || s == 409);
        HttpResponse<String> created = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow();
        assertThat(created.headers().firstValue("Location")).hasValue(EXPORTS + "/1");
        JsonNode export = Api.parse(created.body());
        assertThat(export.get("number").asInt()).isEqualTo(1);
        assertThat(export.at("/counts/added").asInt()).isEqualTo(2);
        assertThat(export.at("/counts/notReported").asInt()).isEqualTo(1);
        assertThat(export.at("/unreportable/0/licenseeId").asString()).isEqualTo("roster-noa");

        assertThat(rosterRows(1)).containsExactlyInAnyOrder(
                "12345|654321|||MH1001|2025-03-03|State=FL|Profession=LMHC",
                "12345|654321|||SW2002|2025-03-03|State=FL|Profession=LCSW|ETHICS_AND_BOUNDARIES|0.5",
                "12345|654321|||SW2002|2025-03-03|State=FL|Profession=LCSW|GENERAL|1.0");
        assertThat(api("it-tenant-b-key").get(EXPORTS + "/1").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aRevisedAndARevokedAwardComeAsACorrectionAndARevocationAndNothingIsUploadedTwice() throws Exception {
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.sendAll(List.of(floridaAward("roster-mara", 2, 0, MARA), floridaAward("roster-sam", 2, 3, SAM)));
        }
        Query revised = Query.of(q -> q.bool(b -> b.filter(term("sessionId", SESSION))
                .filter(f -> f.term(t -> t.field("revision").value(2)))));
        await().atMost(Duration.ofSeconds(90)).until(() -> count(Indices.AWARDS, revised) == 2);

        JsonNode export = Api.parse(provider().post(EXPORTS).body());
        assertThat(export.get("number").asInt()).isEqualTo(2);
        assertThat(export.at("/counts/added").asInt()).isZero();
        assertThat(export.at("/counts/corrections").asInt()).isEqualTo(1);
        assertThat(export.at("/counts/revocations").asInt()).isEqualTo(1);
        assertThat(rosterRows(2)).isEmpty();

        String changes = provider().get(EXPORTS + "/2/changes.csv").body();
        assertThat(changes.lines()).contains(
                "CORRECTION,roster-sam,FL-491,SW2002,LCSW,3/3/2025,1.5,3/3/2025,3,"
                        + "Correct the completion in CE Broker's roster to the date and hours now",
                "REVOCATION,roster-mara,FL-491,MH1001,LMHC,3/3/2025,3,,,"
                        + "Remove the completion from CE Broker's roster: the credit was withdrawn");

        // Nothing changed since: no third export is made, and export 2 stays the last one.
        assertThat(provider().post(EXPORTS).statusCode()).isEqualTo(204);
        assertThat(provider().get(EXPORTS + "/3").statusCode()).isEqualTo(404);
        // The first export stays as it was made, for a download that has to be repeated.
        assertThat(provider().json(EXPORTS + "/1").at("/counts/added").asInt()).isEqualTo(2);
    }

    /** The upload's rows as pipe-joined cells (dates as ISO), read back with POI as a spreadsheet would. */
    List<String> rosterRows(int number) throws Exception {
        HttpResponse<byte[]> file = provider().download(EXPORTS + "/" + number + "/roster.xls");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/vnd.ms-excel");
        List<String> rows = new ArrayList<>();
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> c == 5 ? LocalDate.from(cell.getLocalDateTimeCellValue()).toString()
                                : Double.toString(cell.getNumericCellValue());
                        case STRING -> cell.getStringCellValue();
                        default -> "";
                    });
                }
                rows.add(String.join("|", cells.subList(0, lastNonBlank(cells) + 1)));
            }
        }
        return rows;
    }

    private static int lastNonBlank(List<String> cells) {
        int last = cells.size() - 1;
        while (last > 0 && cells.get(last).isEmpty()) {
            last--;
        }
        return last;
    }
}
