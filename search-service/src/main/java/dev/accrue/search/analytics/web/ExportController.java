package dev.accrue.search.analytics.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.analytics.AttendanceCsv;
import dev.accrue.search.analytics.elastic.AttendanceExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams attendance events as CSV, page by page straight to the response, so an export of any size
 * uses the memory of one page. The filters are checked before the first byte is written, so bad
 * input still gets a problem+json answer; a failure mid-stream can only cut the download short.
 */
@RestController
@Tag(name = "export")
class ExportController {

    private final AttendanceExport export;
    private final Clock clock;

    ExportController(AttendanceExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping(value = "/v1/export/attendance.csv", produces = "text/csv")
    @Operation(summary = "Every attendance event matching the filters, oldest first, as CSV (RFC 4180, spreadsheet-safe)")
    void attendance(Caller caller, @ParameterObject FilterParams params, HttpServletResponse response) throws IOException {
        AnalyticsFilter filter = params.toFilter(caller, clock);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attendance-" + filter.from() + "-"
                + filter.to() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(AttendanceCsv.header());
        export.forEachPage(filter, page -> {
            try {
                for (var doc : page) {
                    out.write(AttendanceCsv.row(doc));
                }
                out.flush(); // each page goes to the client before the next is fetched
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
