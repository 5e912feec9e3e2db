package dev.accrue.ingest.attendance.web;

import dev.accrue.ingest.attendance.AttendanceInput;
import io.swagger.v3.oas.annotations.media.Schema;

/** One attendance event, the body of POST /v1/attendance and each item of a batch. */
record AttendanceRequest(
        @Schema(example = "evt-2025-03-01-0001", description = "Idempotency key: the same eventId twice changes nothing downstream")
        String eventId,
        @Schema(example = "ethics-101-2025-03-01") String sessionId,
        @Schema(example = "lic-1001") String licenseeId,
        @Schema(allowableValues = {"JOINED", "LEFT", "SELF_STUDY_COMPLETED"}) String type,
        @Schema(format = "date-time", example = "2025-03-01T09:02:00-08:00") String occurredAt,
        @Schema(description = "Post-test percent, SELF_STUDY_COMPLETED only") Double score,
        @Schema(example = "zoom-3f1c-laptop", description = "Optional, JOINED and LEFT only: the connection (one device's"
                + " visit) the event belongs to, so credit pairs each JOINED with the LEFT of the same connection")
        String connectionId) {

    AttendanceInput toInput() {
        return new AttendanceInput(eventId, sessionId, licenseeId, type, occurredAt, score, connectionId);
    }
}
