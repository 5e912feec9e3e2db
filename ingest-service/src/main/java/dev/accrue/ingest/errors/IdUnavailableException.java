package dev.accrue.ingest.errors;

/**
 * The id in the URL path is taken by data the caller may not see (409). The answer must not say
 * why or by whom, so it reads the same whatever the reason.
 */
public class IdUnavailableException extends RuntimeException {

    public IdUnavailableException(String message) {
        super(message, null, false, false);
    }
}
