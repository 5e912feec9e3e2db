package dev.accrue.search.reporting.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import dev.accrue.search.reporting.RosterChange;
import dev.accrue.search.reporting.RosterExport;
import dev.accrue.search.reporting.RosterRefusedException;
import dev.accrue.search.reporting.Unreportable;
import dev.accrue.search.reporting.elastic.ReportingProperties;
import dev.accrue.search.reporting.elastic.RosterExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roster exports to a state's board through CE Broker, per offering (session) and state. Making an export records
 * what the board has been told, so only a PROVIDER key for its own sessions or an ADMIN may; an ANALYST may read
 * them. Another provider's session or export is answered as not found, so its existence does not leak.
 */
@RestController
@RequestMapping("/v1/reports/ce-broker/{sessionId}/{state}")
@Tag(name = "reports")
class RosterController {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    static final MediaType XLS = MediaType.parseMediaType("application/vnd.ms-excel");

    private final RosterExports exports;
    private final ReportingProperties codes;

    RosterController(RosterExports exports, ReportingProperties codes) {
        this.exports = exports;
        this.codes = codes;
    }

    @PostMapping
    @Operation(summary = "Make the next roster export of the session to the state's board: new completions, and the"
            + " corrections and revocations of completions reported by earlier exports (201); 204 when nothing"
            + " changed since the last export, which is then not repeated")
    ResponseEntity<ExportView> create(Caller caller, @PathVariable String sessionId, @PathVariable String state) {
        caller.requireRole(Role.PROVIDER, Role.ADMIN);
        return exports.create(sessionId, state(state), ownProvider(caller))
                .map(ExportView::of)
                .map(view -> ResponseEntity.created(URI.create(view.links().self())).body(view))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/{number}")
    @Operation(summary = "An export made before, with its changes")
    ExportView get(Caller caller, @PathVariable String sessionId, @PathVariable String state, @PathVariable int number) {
        return ExportView.of(find(caller, sessionId, state, number));
    }

    @GetMapping(value = "/{number}/roster.xls", produces = "application/vnd.ms-excel")
    @Operation(summary = "The export's new completions in CE Broker's roster upload layout (Excel, no header row)")
    ResponseEntity<byte[]> roster(Caller caller, @PathVariable String sessionId, @PathVariable String state,
                                  @PathVariable int number) {
        RosterExport export = find(caller, sessionId, state, number);
        return download(CeBrokerFiles.rosterUpload(export, codes), XLS, fileName(export, "roster.xls"));
    }

    @GetMapping(value = "/{number}/changes.csv", produces = "text/csv")
    @Operation(summary = "The export's corrections and revocations, and credit it could not report, to apply in"
            + " CE Broker's roster by hand (CSV)")
    ResponseEntity<byte[]> changes(Caller caller, @PathVariable String sessionId, @PathVariable String state,
                                   @PathVariable int number) {
        RosterExport export = find(caller, sessionId, state, number);
        return download(CeBrokerFiles.changes(export, codes).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(export, "changes.csv"));
    }

    @ExceptionHandler(RosterRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RosterRefusedException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
    }

    private RosterExport find(Caller caller, String sessionId, String state, int number) {
        return exports.find(sessionId, state(state), number, ownProvider(caller))
                .orElseThrow(() -> RosterRefusedException.notFound("No export " + number + " of session '" + sessionId
                        + "' to " + state));
    }

    private static Optional<String> ownProvider(Caller caller) {
        if (caller.role() != Role.PROVIDER) {
            return Optional.empty();
        }
        return Optional.of(caller.providerId().orElseThrow(() -> RosterRefusedException.notFound(
                "The PROVIDER key '" + caller.keyName() + "' has no providerId")));
    }

    private static String state(String state) {
        if (!STATE.matcher(state).matches()) {
            throw new IllegalArgumentException("state must be a two-letter US state code such as FL (got '" + state + "')");
        }
        return state;
    }

    private static String fileName(RosterExport export, String suffix) {
        return "ce-broker-" + export.sessionId().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + export.state() + "-"
                + export.number() + "-" + suffix;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    /** An export as the API shows it; the lines the board holds afterwards stay internal. */
    record ExportView(String sessionId, String state, int number, String providerId, String courseId, String title,
                      String providerNumber, String courseNumber, Instant createdAt, Counts counts,
                      List<RosterChange> changes, List<Unreportable> unreportable, Links links) {

        static ExportView of(RosterExport e) {
            String self = "/v1/reports/ce-broker/" + e.sessionId() + "/" + e.state() + "/" + e.number();
            return new ExportView(e.sessionId(), e.state(), e.number(), e.providerId(), e.courseId(), e.title(),
                    e.providerNumber(), e.courseNumber(), e.createdAt(),
                    new Counts(e.count(RosterChange.Action.NEW), e.count(RosterChange.Action.CORRECTION),
                            e.count(RosterChange.Action.REVOCATION), e.unreportable().size()),
                    e.changes(), e.unreportable(), new Links(self, self + "/roster.xls", self + "/changes.csv"));
        }
    }

    record Counts(long added, long corrections, long revocations, long notReported) {
    }

    record Links(String self, String roster, String changes) {
    }
}
