package dev.accrue.ingest.attendance;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/** One item of a batch request: either read into an input, or malformed JSON for that item alone. */
public sealed interface BatchItem permits BatchItem.Parsed, BatchItem.Malformed {

    int index();

    record Parsed(int index, AttendanceInput input) implements BatchItem {
    }

    /** @param eventId the item's eventId when it could still be read, else null */
    record Malformed(int index, String eventId, List<FieldError> errors) implements BatchItem {
    }
}
