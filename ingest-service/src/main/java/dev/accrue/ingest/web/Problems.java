package dev.accrue.ingest.web;

import dev.accrue.ingest.validation.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types this service answers with (RFC 9457). Each has a stable type URI that clients
 * can switch on; {@code detail} says what happened in words, and {@code errors} lists field errors.
 */
public final class Problems {

    static final String BASE = "https://accrue.dev/problems/";
    public static final URI MALFORMED = URI.create(BASE + "malformed-request");
    public static final URI VALIDATION = URI.create(BASE + "validation-failed");
    public static final URI UNKNOWN_REFERENCE = URI.create(BASE + "unknown-reference");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI ID_UNAVAILABLE = URI.create(BASE + "id-unavailable");
    public static final URI TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI UNAVAILABLE = URI.create(BASE + "temporarily-unavailable");
    public static final URI INTERNAL = URI.create(BASE + "internal-error");

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(HttpStatus status, URI type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private Problems() {
    }
}
