package dev.accrue.ingest.errors;

/** The request is bigger than a configured limit, which the message names (413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail, null, false, false);
    }
}
