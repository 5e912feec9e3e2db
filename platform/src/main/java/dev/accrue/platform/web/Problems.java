package dev.accrue.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** The problems the request filter answers with (RFC 9457), written before or around Spring MVC. */
final class Problems {

    static final URI TOO_LARGE = URI.create("https://accrue.dev/problems/payload-too-large");
    static final URI TOO_MANY = URI.create("https://accrue.dev/problems/too-many-requests");
    static final URI MALFORMED = URI.create("https://accrue.dev/problems/malformed-body");

    static ProblemDetail tooLarge(String detail) {
        return of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Payload too large", detail);
    }

    static ProblemDetail malformed(String detail) {
        return of(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request body", detail);
    }

    static ProblemDetail tooManyRequests(String detail) {
        return of(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, "Too many requests", detail);
    }

    /**
     * Writes the problem and closes the response, so it is sent at once, and asks to close the
     * connection; Tomcat still drains up to {@code server.tomcat.max-swallow-size} of the refused body.
     */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        JsonMapper.shared().writeValue(response.getOutputStream(), body); // closes the stream: the answer goes out now
    }

    private static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private Problems() {
    }
}
