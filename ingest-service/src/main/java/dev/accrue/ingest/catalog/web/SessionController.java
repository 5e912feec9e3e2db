package dev.accrue.ingest.catalog.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.web.BatchAnswers;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.ingest.batch.web.RegistrationBatches;
import dev.accrue.ingest.catalog.CatalogService;
import dev.accrue.ingest.catalog.Session;
import dev.accrue.ingest.catalog.SessionClosure;
import dev.accrue.ingest.catalog.SessionInput;
import dev.accrue.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The provider's catalog: create or replace sessions (one or a batch), and close a session's roster. */
@RestController
@RequestMapping(path = "/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog")
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final CatalogService catalog;
    private final RegistrationBatches<SessionInput> batches;

    SessionController(CatalogService catalog, JsonMapper json, IngestProperties properties) {
        this.catalog = catalog;
        this.batches = RegistrationBatches.of(json, properties.limits(), "sessions", "sessionId", SessionRequest.class, SessionRequest::toInput);
    }

    @PutMapping(path = "/{sessionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a session",
            description = "200 once Kafka has stored it. 403 when the providerId, or the existing session, is another provider's.")
    Session put(@PathVariable String sessionId, @RequestBody SessionRequest body, Caller caller) {
        Session session = catalog.put(sessionId, body.toInput(), CallerAccess.writer(caller));
        log.info("session {} stored for provider {} by key {}", sessionId, session.providerId(), caller.keyName());
        return session;
    }

    @PostMapping(path = "/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, BatchReader.NDJSON})
    @Operation(summary = "Create or replace a batch of sessions",
            description = "Each item is the body of PUT /v1/sessions/{sessionId} plus `sessionId`, checked as that PUT"
                    + " checks it (the same rules and owners), and answered on its own like the attendance batch:"
                    + " `{accepted, rejected, results:[{index, sessionId, status, errors}]}`, status 200 stored, 400"
                    + " malformed item, 403 another provider's providerId or session, 409 a repeat with different"
                    + " content (an exact repeat is stored once), 422 invalid. JSON array or NDJSON, at most 10,000 items"
                    + " and 8 MB; more is a 413 with nothing stored, and so is broken JSON in an array (400). Stored items"
                    + " are published together; the answer comes once Kafka has acknowledged all of them, or is a 503"
                    + " when it could not.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                            implementation = SessionRequest.class, description = "plus sessionId"))),
                    @Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = "string",
                            description = "One session JSON object (with sessionId) per line"))}))
    @ApiResponse(responseCode = "200", description = "Each item's answer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchAnswers.Sessions.class)))
    BatchResult batch(HttpServletRequest request, Caller caller) throws IOException {
        return batches.store(request, caller, catalog::putBatch);
    }

    @PostMapping("/{sessionId}/close")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Declare a session's roster complete", description = "202 once Kafka has stored the closure; 404 for an unknown session.")
    SessionClosure close(@PathVariable String sessionId, Caller caller) {
        SessionClosure closure = catalog.close(sessionId, CallerAccess.writer(caller));
        log.info("session {} closed by key {}", sessionId, caller.keyName());
        return closure;
    }
}
