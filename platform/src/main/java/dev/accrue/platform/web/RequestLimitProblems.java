package dev.accrue.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 413 when a body passes its limit, and 400 when a JSON body is not valid UTF-8, while a
 * controller reads it, also when a message converter wrapped the failure; first among the advices, so a service's catch-all does not turn it
 * into a 500. The answer is written and closed here: Tomcat would otherwise send it only after
 * draining the rest of the body it refuses.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimitProblems {

    @ExceptionHandler(BodyTooLargeException.class)
    void tooLarge(BodyTooLargeException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, Problems.tooLarge(e.getMessage()));
    }

    @ExceptionHandler(MalformedBodyException.class)
    void malformed(MalformedBodyException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, Problems.malformed(e.getMessage()));
    }
}
