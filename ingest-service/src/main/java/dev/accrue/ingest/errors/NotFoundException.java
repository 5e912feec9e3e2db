package dev.accrue.ingest.errors;

/** The resource named in the URL path does not exist (404). References inside a body are 422 instead. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
