package dev.accrue.search.analytics.web;

import dev.accrue.search.analytics.AttendanceCsv;
import dev.accrue.search.indexing.AttendanceDocument;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The CSV attachment of an attendance export, opened only when the first page of events has been
 * fetched (or, when nothing matched, at the end). Until then the response is untouched, so a failure
 * to read the first page can still be answered as problem+json rather than offered as a .csv file.
 */
final class AttendanceDownload {

    private final HttpServletResponse response;
    private final String filename;
    private Writer out;

    AttendanceDownload(HttpServletResponse response, String filename) {
        this.response = response;
        this.filename = filename;
    }

    /** True once the attachment headers are set and rows may have been sent. */
    boolean started() {
        return out != null;
    }

    void write(List<AttendanceDocument> page) {
        try {
            Writer writer = open();
            for (AttendanceDocument doc : page) {
                writer.write(AttendanceCsv.row(doc));
            }
            writer.flush(); // each page goes to the client before the next is fetched
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the download; with no page written it is the header row alone. */
    void finish() throws IOException {
        open().flush();
    }

    private Writer open() throws IOException {
        if (out == null) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
            out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write(AttendanceCsv.header());
        }
        return out;
    }
}
