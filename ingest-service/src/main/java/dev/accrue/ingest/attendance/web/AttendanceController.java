package dev.accrue.ingest.attendance.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendanceInput;
import dev.accrue.ingest.attendance.AttendanceService;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.web.BatchAnswers;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Attendance, one event at a time or in batches of up to 10,000 (JSON array or NDJSON). */
@RestController
@RequestMapping(path = "/v1/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Attendance")
class AttendanceController {

    static final String NDJSON = BatchReader.NDJSON;
    private static final Logger log = LoggerFactory.getLogger(AttendanceController.class);

    private final AttendanceService attendance;
    private final BatchReader<AttendanceInput> batches;
    private final AttendanceMetrics metrics;

    AttendanceController(AttendanceService attendance, JsonMapper json, IngestProperties properties, MeterRegistry meters) {
        this.attendance = attendance;
        this.batches = new BatchReader<>(json, properties.limits().batchItems(), properties.limits().lineLength(), "events",
                AttendanceItemReader::read);
        this.metrics = new AttendanceMetrics(meters);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record one attendance event",
            description = "202 once Kafka has stored it. 422 for an invalid event or an unknown session or licensee;"
                    + " 403 when the session is another provider's; 503 with Retry-After when Kafka cannot take it in time.")
    AttendanceEvent record(@org.springframework.web.bind.annotation.RequestBody AttendanceRequest body, Caller caller) {
        AttendanceEvent event = attendance.record(body.toInput(), CallerAccess.writer(caller));
        metrics.count("api", 1, 0);
        log.debug("attendance {} stored by key {}", event.eventId(), caller.keyName());
        return event;
    }

    @PostMapping(path = "/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Record a batch of attendance events",
            description = "Answers item by item like Elasticsearch's bulk API: status 202 accepted, 400 malformed item,"
                    + " 403 another provider's session, 409 repeated eventId with different content, 422 invalid."
                    + " Valid items are stored even when others are rejected; the answer comes once Kafka has stored all"
                    + " of them, or is a 503 when it could not.",
            requestBody = @RequestBody(content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = AttendanceRequest.class))),
                    @Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One AttendanceRequest JSON object per line"))}))
    @ApiResponse(responseCode = "200", description = "Each item's answer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchAnswers.Attendance.class)))
    BatchResult batch(HttpServletRequest request, Caller caller) throws IOException {
        Access access = CallerAccess.writer(caller);
        long started = System.nanoTime();
        List<BatchItem<AttendanceInput>> items = batches.read(request);
        BatchResult result = attendance.recordBatch(items, access);
        metrics.count("batch", result.accepted(), result.rejected());
        log.info("batch from key {}: {} items, {} accepted, {} rejected, {} ms", caller.keyName(), items.size(),
                result.accepted(), result.rejected(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
