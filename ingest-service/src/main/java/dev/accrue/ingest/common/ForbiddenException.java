package dev.accrue.ingest.common;

/** The caller is authenticated but may not write this provider's data (403, with the reason). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason, null, false, false);
    }
}
