package dev.accrue.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers as problem+json instead of its HTML page: requests it refuses before
 * any servlet runs (a NUL or an encoded slash in the path, an invalid URI) get the same kind of body
 * as every other 4xx. It says nothing about the server or the cause (no version, no stack trace).
 * Modelled on Tomcat's {@code JsonErrorReportValve}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Only an error that nothing has answered yet, on a connection that can still be written.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = Optional.ofNullable(HttpStatus.resolve(status)).map(HttpStatus::getReasonPhrase).orElse("Error");
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The server refused the request before it reached the application"
                + " (for example, a path with characters that are not allowed).\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone; there is no one left to tell.
        }
    }
}
