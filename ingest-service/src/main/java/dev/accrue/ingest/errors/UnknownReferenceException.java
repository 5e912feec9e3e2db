package dev.accrue.ingest.errors;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/** The input names a session or licensee this service does not know (422, with the field that names it). */
public class UnknownReferenceException extends InvalidInputException {

    public UnknownReferenceException(String field, String message) {
        super(message, List.of(new FieldError(field, message)));
    }
}
