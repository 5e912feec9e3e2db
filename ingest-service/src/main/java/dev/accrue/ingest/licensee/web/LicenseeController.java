package dev.accrue.ingest.licensee.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.web.BatchAnswers;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.ingest.batch.web.RegistrationBatches;
import dev.accrue.ingest.licensee.Licensee;
import dev.accrue.ingest.licensee.LicenseeInput;
import dev.accrue.ingest.licensee.LicenseeService;
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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The licensee directory: create or replace licensees (one or a batch) and their licences, private to the provider that owns each. */
@RestController
@RequestMapping(path = "/v1/licensees", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licensees")
class LicenseeController {

    private static final Logger log = LoggerFactory.getLogger(LicenseeController.class);

    private final LicenseeService licensees;
    private final RegistrationBatches<LicenseeInput> batches;

    LicenseeController(LicenseeService licensees, JsonMapper json, IngestProperties properties) {
        this.licensees = licensees;
        this.batches = RegistrationBatches.of(json, properties.limits(), "licensees", "licenseeId", LicenseeRequest.class, LicenseeRequest::toInput);
    }

    @PutMapping(path = "/{licenseeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a licensee", description = "200 once Kafka has stored it, with `owner`, the"
            + " provider that registered the licensee. PROVIDER and ADMIN keys may write. The provider that registers a new"
            + " licensee id owns it; afterwards only that provider or an ADMIN key may replace it, others get 409"
            + " id-unavailable (ids are one namespace for all providers: use opaque ids; the answer names no one). An"
            + " ADMIN write sets `owner` when the body names one (assign or transfer) and keeps it otherwise. A licensee"
            + " without an owner (stored before owners were recorded, or created by an ADMIN key without one) is assigned"
            + " only by an ADMIN key (`owner` in the body); a provider's write of it is the same 409. 503 when the licensee"
            + " directory cannot catch up with Kafka. Only"
            + " sessions of the owner may name the licensee in attendance; to other providers it does not exist.")
    Licensee put(@PathVariable String licenseeId, @RequestBody LicenseeRequest body, Caller caller) {
        Licensee licensee = licensees.put(licenseeId, body.toInput(), CallerAccess.writer(caller)); // 403 for ANALYST keys
        log.info("licensee {} stored by key {}", licenseeId, caller.keyName());
        return licensee;
    }

    @PostMapping(path = "/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, BatchReader.NDJSON})
    @Operation(summary = "Create or replace a batch of licensees",
            description = "Each item is the body of PUT /v1/licensees/{licenseeId} plus `licenseeId`, checked as that PUT"
                    + " checks it (the same rules and owners), and answered on its own like the attendance batch:"
                    + " `{accepted, rejected, results:[{index, licenseeId, status, errors}]}`, status 200 stored, 400"
                    + " malformed item, 403 an owner the key may not name, 409 an id another provider owns or a repeat"
                    + " with different content (an exact repeat is stored once), 422 invalid. JSON array or NDJSON, at"
                    + " most 10,000 items and 8 MB; more is a 413 with nothing stored, and so is broken JSON in an array"
                    + " (400). Stored items are published together; the answer comes once Kafka has acknowledged all of"
                    + " them, or is a 503 when it could not.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                            implementation = LicenseeRequest.class, description = "plus licenseeId"))),
                    @Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = "string",
                            description = "One licensee JSON object (with licenseeId) per line"))}))
    @ApiResponse(responseCode = "200", description = "Each item's answer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchAnswers.Licensees.class)))
    BatchResult batch(HttpServletRequest request, Caller caller) throws IOException {
        return batches.store(request, caller, licensees::putBatch);
    }
}
