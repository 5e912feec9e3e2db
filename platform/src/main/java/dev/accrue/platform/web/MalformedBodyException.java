package dev.accrue.platform.web;

/** A request body that is not valid UTF-8, found while it was read; answered 400 by {@link RequestLimitProblems}. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String detail) {
        super(detail, null, false, false);
    }
}
