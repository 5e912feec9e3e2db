package dev.accrue.ingest.batch.web;

import dev.accrue.ingest.validation.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The batch answers as OpenAPI shows them. {@link dev.accrue.ingest.batch.BatchResult} is written by
 * {@link BatchResultSerializer}, which names each item's id after what the batch holds; these records only describe
 * that shape for the documentation and are never serialized.
 */
public final class BatchAnswers {

    @Schema(name = "AttendanceBatchAnswer")
    public record Attendance(int accepted, int rejected, List<AttendanceItem> results) {
    }

    @Schema(name = "AttendanceBatchItem", description = "status 202 accepted, 400 malformed, 403, 409, 422")
    public record AttendanceItem(int index, String eventId, int status, List<FieldError> errors) {
    }

    @Schema(name = "LicenseeBatchAnswer")
    public record Licensees(int accepted, int rejected, List<LicenseeItem> results) {
    }

    @Schema(name = "LicenseeBatchItem", description = "status 200 stored, 400 malformed, 403, 409, 422")
    public record LicenseeItem(int index, String licenseeId, int status, List<FieldError> errors) {
    }

    @Schema(name = "SessionBatchAnswer")
    public record Sessions(int accepted, int rejected, List<SessionItem> results) {
    }

    @Schema(name = "SessionBatchItem", description = "status 200 stored, 400 malformed, 403, 409, 422")
    public record SessionItem(int index, String sessionId, int status, List<FieldError> errors) {
    }

    private BatchAnswers() {
    }
}
