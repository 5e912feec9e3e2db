package dev.accrue.ingest.errors;

/** The caller is authenticated but may not write this provider's data (403, with the reason). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason, null, false, false);
    }
}
