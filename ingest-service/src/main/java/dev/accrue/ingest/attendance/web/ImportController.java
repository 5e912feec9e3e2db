package dev.accrue.ingest.attendance.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.attendance.AttendanceService;
import dev.accrue.ingest.attendance.AttendanceSource;
import dev.accrue.ingest.attendance.ImportResult;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.attendance.csv.CsvDocument;
import dev.accrue.ingest.attendance.csv.RosterCsv;
import dev.accrue.ingest.attendance.csv.ZoomParticipantReport;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports for one session: Accrue's roster format or a Zoom participant report, uploaded as
 * the raw body (text/csv) or as the form field {@code file} (multipart/form-data). The session and
 * the caller's right to it are checked before the file is read; the whole file is parsed and
 * checked before anything is published.
 */
@RestController
@RequestMapping(path = "/v1/attendance/import", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Attendance")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private static final String DESCRIPTION = "format=roster: header licenseeId,email,type,occurredAt,score,eventId"
            + " (type and occurredAt required, licenseeId or email per row). format=zoom: a Zoom participant report;"
            + " each row becomes JOINED and LEFT, matched to licensees by email, times read in the session's time zone"
            + " unless timeZone is given. Event ids are derived from the content, so re-importing creates no duplicates."
            + " The answer lists rows that were not imported, with their line numbers.";

    private final AttendanceService attendance;
    private final IngestProperties.Limits limits;
    private final AttendanceMetrics metrics;

    ImportController(AttendanceService attendance, IngestProperties properties, MeterRegistry meters) {
        this.attendance = attendance;
        this.limits = properties.limits();
        this.metrics = new AttendanceMetrics(meters);
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a CSV file sent as the request body", description = DESCRIPTION)
    ImportResult importBody(@RequestParam String sessionId, @RequestParam String format,
                            @Parameter(description = "IANA zone of a Zoom report's times; default the session's")
                            @RequestParam(required = false) String timeZone,
                            HttpServletRequest request, Caller caller) throws IOException {
        Access access = CallerAccess.writer(caller);
        KnownSession session = attendance.sessionForImport(sessionId, access);
        return importFile(session, format, timeZone, request.getInputStream(), caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file uploaded as the form field 'file'", description = DESCRIPTION)
    ImportResult importUpload(@RequestParam String sessionId, @RequestParam String format,
                              @RequestParam(required = false) String timeZone,
                              @RequestPart("file") MultipartFile file, Caller caller) throws IOException {
        Access access = CallerAccess.writer(caller);
        KnownSession session = attendance.sessionForImport(sessionId, access);
        try (InputStream bytes = file.getInputStream()) {
            return importFile(session, format, timeZone, bytes, caller);
        }
    }

    /** Parses the file as it streams in (rows, not bytes, are kept), then imports it whole. */
    private ImportResult importFile(KnownSession session, String format, String timeZone, InputStream bytes, Caller caller) {
        long started = System.nanoTime();
        ImportFormat kind = ImportFormat.of(format);
        ZoneId zone = zone(timeZone, session);
        Iterable<CsvDocument.Line> lines = CsvDocument.read(bytes, limits.lineLength());
        ParsedImport parsed = kind == ImportFormat.ROSTER
                ? RosterCsv.parse(lines, limits.importRows())
                : ZoomParticipantReport.parse(lines, zone, limits.importRows());
        ImportResult result = attendance.importRows(session, kind.source, kind.name, parsed);
        metrics.count(kind.name, result.eventsAccepted(), result.problems().size());
        log.info("{} import for session {} from key {}: {} rows, {} events stored, {} duplicates, {} rows not imported, {} ms",
                kind.name, session.sessionId(), caller.keyName(), result.rowsRead(), result.eventsAccepted(),
                result.duplicateEvents(), result.problems().size(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static ZoneId zone(String timeZone, KnownSession session) {
        if (timeZone != null) {
            Checks checks = new Checks();
            ZoneId zone = checks.zone("timeZone", timeZone);
            checks.throwIfAny();
            return zone;
        }
        return session.timeZone() != null ? ZoneId.of(session.timeZone()) : ZoneOffset.UTC;
    }

    private enum ImportFormat {
        ROSTER("roster", AttendanceSource.ROSTER_CSV), ZOOM("zoom", AttendanceSource.ZOOM_CSV);

        final String name;
        final AttendanceSource source;

        ImportFormat(String name, AttendanceSource source) {
            this.name = name;
            this.source = source;
        }

        static ImportFormat of(String value) {
            for (ImportFormat f : values()) {
                if (f.name.equals(value)) {
                    return f;
                }
            }
            throw new InvalidInputException(List.of(new FieldError("format", "must be roster or zoom (got '"
                    + Checks.abbreviate(value) + "')")));
        }
    }
}
