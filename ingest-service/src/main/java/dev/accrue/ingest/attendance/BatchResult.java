package dev.accrue.ingest.attendance;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/**
 * The answer to a batch, item by item like Elasticsearch's bulk API. Statuses are HTTP codes:
 * 202 accepted (acknowledged by the broker), 400 malformed item, 403 not the caller's session,
 * 409 eventId repeated in the batch with different content, 422 invalid or unknown reference.
 */
public record BatchResult(int accepted, int rejected, List<Item> results) {

    public static final int ACCEPTED = 202;
    public static final int MALFORMED = 400;
    public static final int FORBIDDEN = 403;
    public static final int CONFLICT = 409;
    public static final int INVALID = 422;

    public record Item(int index, String eventId, int status, List<FieldError> errors) {
    }
}
