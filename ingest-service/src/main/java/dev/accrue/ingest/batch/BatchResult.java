package dev.accrue.ingest.batch;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/**
 * The answer to a batch, item by item like Elasticsearch's bulk API. Statuses are HTTP codes, each what the
 * item's single request would have answered: 200 stored (sessions, licensees) or 202 accepted (attendance), in
 * both cases acknowledged by the broker; 400 malformed item, 403 not the caller's, 409 a conflicting repeat in
 * the batch or an id another provider owns, 422 invalid or unknown reference.
 *
 * @param idField what each item's id is called in the answer: eventId, licenseeId or sessionId
 */
public record BatchResult(String idField, int accepted, int rejected, List<Item> results) {

    public static final int STORED = 200;
    public static final int ACCEPTED = 202;
    public static final int MALFORMED = 400;
    public static final int FORBIDDEN = 403;
    public static final int CONFLICT = 409;
    public static final int INVALID = 422;

    /** Counts the items stored or accepted (2xx) and the rest. */
    public static BatchResult of(String idField, List<Item> results) {
        int accepted = (int) results.stream().filter(Item::succeeded).count();
        return new BatchResult(idField, accepted, results.size() - accepted, List.copyOf(results));
    }

    public record Item(int index, String id, int status, List<FieldError> errors) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }
}
