package dev.accrue.search.analytics.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.analytics.elastic.AttendanceExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams attendance events as CSV, page by page straight to the response, so an export of any size
 * uses the memory of one page. The filters are checked and the first page is fetched before anything
 * is written, so bad input and Elasticsearch not answering still get a problem+json answer (400,
 * 503); a failure mid-stream can only cut the download short.
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
        AttendanceDownload download = new AttendanceDownload(response, "attendance-" + filter.from() + "-" + filter.to()
                + ".csv");
        try {
            export.forEachPage(filter, download::write);
        } catch (RuntimeException e) {
            if (!download.started()) {
                throw e; // nothing sent yet: ApiErrors answers with problem+json
            }
            // Status, headers and rows are already sent, so no error answer is possible. Bypassing ApiErrors
            // leaves the failure to the servlet container, which closes the connection without the final chunk:
            // the client sees an incomplete download, not a complete-looking CSV. (Tomcat may first include its
            // error page in the bytes sent; the transfer is still reported as broken.)
            throw new ExportAborted(e);
        }
        download.finish();
    }

    /** An export that failed after its first rows were sent. */
    static final class ExportAborted extends RuntimeException {
        ExportAborted(Throwable failure) {
            super("Attendance export aborted mid-stream: " + failure.getMessage());
            // Suppressed, not the cause: exception handlers also match causes, and ApiErrors would then
            // write its problem+json after the rows already sent.
            addSuppressed(failure);
        }
    }
}
