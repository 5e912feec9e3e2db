package dev.accrue.search.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the service's own failures into problem+json: invalid parameters (rejected by the domain
 * records) are 400, Elasticsearch not answering is 503. Spring's own errors (missing or malformed
 * parameters) are problem+json through {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler({UncheckedIOException.class, ElasticsearchException.class})
    ProblemDetail unavailable(RuntimeException e) {
        log.warn("Elasticsearch query failed: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The search store did not answer; try again shortly");
        problem.setTitle("Search store unavailable");
        return problem;
    }
}
