package dev.accrue.ingest.errors;

/** Input that cannot be read at all: broken JSON or CSV syntax, bad encoding, a missing body (400). */
public class MalformedInputException extends RuntimeException {

    public MalformedInputException(String detail) {
        super(detail, null, false, false);
    }
}
