package dev.accrue.ingest.errors;

import dev.accrue.ingest.validation.FieldError;
import java.util.List;

/**
 * Well-formed input that breaks a rule (a range, an enum, a cross-field constraint). Answered as
 * 422 with every field error, so a client can fix all of them in one round trip. No stack trace:
 * it is an expected outcome, and a batch of 10,000 bad items must stay cheap.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        this("The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s"), errors);
    }

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
