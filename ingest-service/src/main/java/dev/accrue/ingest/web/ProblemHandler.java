package dev.accrue.ingest.web;

import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.IdUnavailableException;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.NotFoundException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import dev.accrue.ingest.errors.UnavailableException;
import dev.accrue.ingest.errors.UnknownReferenceException;
import dev.accrue.platform.web.BodyTooLargeException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as application/problem+json. Spring MVC's own failures (405, 406, 415, missing parameters...)
 * keep the base class's handling; this class adds the domain's exceptions and rewrites the ones whose default
 * text would not help a client: unreadable JSON names the field or the line and column, oversized uploads
 * name the limit (an oversized body is the platform's 413). Anything unexpected is a 500 with a reference to
 * the log line, never a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<ProblemDetail> unknownReference(UnknownReferenceException e) {
        return respond(Problems.withErrors(HttpStatus.UNPROCESSABLE_CONTENT, Problems.UNKNOWN_REFERENCE,
                "Unknown reference", e.getMessage(), e.errors()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(Problems.withErrors(HttpStatus.UNPROCESSABLE_CONTENT, Problems.VALIDATION, "Validation failed",
                e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MalformedInputException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedInputException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "Malformed request", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(IdUnavailableException.class)
    ResponseEntity<ProblemDetail> idUnavailable(IdUnavailableException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, Problems.ID_UNAVAILABLE, "Id not available", e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(tooLargeProblem(e.getMessage()));
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Temporarily unavailable",
                        e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "The service failed unexpectedly; nothing in this request should be considered stored. Reference " + reference));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException json = find(e, JacksonException.class);
        if (json == null) {
            return body(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "Malformed request",
                    "The request needs a JSON body" + (e.getMessage() == null ? "" : " (" + e.getMessage().split(":")[0] + ")")));
        }
        if (JsonErrors.isFieldError(json)) {
            return body(Problems.withErrors(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "Malformed request",
                    "The JSON body has a field of the wrong name or type", JsonErrors.fieldErrors(json)));
        }
        return body(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "Malformed request",
                "The body " + JsonErrors.syntax(json)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.MALFORMED, "Unsupported media type",
                "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not accepted here; send one of "
                        + e.getSupportedMediaTypes());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return body(tooLargeProblem("The upload is larger than the limit of " + BodyTooLargeException.describe(e.getMaxUploadSize())
                + " (spring.servlet.multipart.max-file-size)"));
    }

    static ProblemDetail tooLargeProblem(String detail) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "Payload too large", detail);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
