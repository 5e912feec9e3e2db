package dev.accrue.ingest.batch;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/**
 * One item of a batch request: either read into an input, or malformed JSON for that item alone.
 *
 * @param <I> the input an item is read into (an attendance event, a licensee, a session)
 */
public sealed interface BatchItem<I> permits BatchItem.Parsed, BatchItem.Malformed {

    int index();

    record Parsed<I>(int index, I input) implements BatchItem<I> {
    }

    /** @param id the item's id (eventId, licenseeId, sessionId) when it could still be read, else null */
    record Malformed<I>(int index, String id, List<FieldError> errors) implements BatchItem<I> {
    }
}
