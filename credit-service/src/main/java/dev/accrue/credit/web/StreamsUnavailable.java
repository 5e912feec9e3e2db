package dev.accrue.credit.web;

import dev.accrue.credit.query.StoreQueries;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While Kafka Streams is not RUNNING (starting, rebalancing, restoring, or its threads being
 * replaced) the stores cannot be read: every query answers 503 problem+json with Retry-After,
 * a state to wait out, never a 500.
 */
@RestControllerAdvice
class StreamsUnavailable {

    /** Seconds a client should wait; a rebalance or thread replacement usually takes a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(StoreQueries.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(StoreQueries.Unavailable exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
        problem.setTitle("Credit data is not available right now");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
