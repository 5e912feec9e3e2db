package dev.accrue.search.analytics.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import dev.accrue.search.analytics.AttendanceCsv;
import dev.accrue.search.analytics.elastic.AttendanceExport;
import dev.accrue.search.indexing.AttendanceDocument;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** What a client of the CSV export sees when Elasticsearch answers, does not, or stops mid-stream. */
@WebMvcTest(ExportController.class)
@Import(AttendanceExport.class)
@ImportAutoConfiguration(ApiKeySecurityConfiguration.class)
@ActiveProfiles("local")
class ExportControllerTest {

    static final String ANALYST = "Bearer dev-analyst-key";
    static final String JANUARY = "/v1/export/attendance.csv?from=2025-01-01&to=2025-01-31";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ElasticsearchClient elasticsearch;

    @Test
    void elasticsearchDownIsA503ProblemNotACsvDownload() throws Exception {
        given(elasticsearch.search(any(Function.class), eq(AttendanceDocument.class)))
                .willThrow(new ConnectException("Connection refused"));

        mvc.perform(get(JANUARY).header("Authorization", ANALYST))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Search store unavailable"));
    }

    @Test
    void nothingMatchingIsACsvAttachmentWithItsHeaderRowOnly() throws Exception {
        given(elasticsearch.search(any(Function.class), eq(AttendanceDocument.class))).willReturn(page(0));

        mvc.perform(get(JANUARY).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"attendance-2025-01-01-2025-01-31.csv\""))
                .andExpect(content().string(AttendanceCsv.header()));
    }

    @Test
    void aFailureAfterTheFirstPageAbortsTheDownloadRatherThanAppendingAnError() throws Exception {
        given(elasticsearch.search(any(Function.class), eq(AttendanceDocument.class)))
                .willReturn(page(1000)).willThrow(new ConnectException("Connection refused"));

        // The exception reaches the server, which closes the connection of a committed response.
        assertThatThrownBy(() -> mvc.perform(get(JANUARY).header("Authorization", ANALYST)))
                .rootCause().isInstanceOf(ExportController.ExportAborted.class)
                .hasStackTraceContaining("Connection refused");
    }

    @Test
    void datesBeyondTheYear2999AreA400Problem() throws Exception {
        mvc.perform(get("/v1/export/attendance.csv").param("from", "+10000-01-01").param("to", "+10000-01-02")
                        .header("Authorization", ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.detail").value("to (+10000-01-02) must be a date in the years 1900 to 2999"));
    }

    @Test
    void anAbsurdEndWithoutAStartIsA400NotAFailedDefaultStart() throws Exception {
        mvc.perform(get("/v1/export/attendance.csv").param("to", "-999999999-01-01").header("Authorization", ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("to (-999999999-01-01) must be a date in the years 1900 to 2999"));
    }

    private static SearchResponse<AttendanceDocument> page(int size) {
        List<Hit<AttendanceDocument>> hits = IntStream.range(0, size).mapToObj(i -> Hit.<AttendanceDocument>of(h -> h.index("accrue-attendance")
                .id("e" + i).source(event("e" + i)).sort(s -> s.stringValue("e" + i)))).toList();
        return SearchResponse.of(r -> r.took(1).timedOut(false).shards(s -> s.total(1).successful(1).failed(0))
                .hits(h -> h.hits(hits)));
    }

    private static AttendanceDocument event(String id) {
        return new AttendanceDocument(id, "S1", "L1", "L1:S1", "JOINED", true, Instant.parse("2025-01-06T15:00:00Z"), null,
                null, "API", Instant.parse("2025-01-06T15:00:01Z"), false, null, null, null, null, null, null, List.of(),
                List.of());
    }
}
