package dev.accrue.ingest.common.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.common.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces the body size limit of each /v1 endpoint: the batch and import endpoints have their
 * own, every other one the small JSON limit. A declared Content-Length over the limit is refused
 * at once with 413, before anything is read; a chunked body is counted as it is read and fails
 * with the same 413 when it passes the limit. Every 413 names the limit and its property.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final IngestProperties.Limits limits;
    private final JsonMapper json;

    RequestSizeLimitFilter(IngestProperties.Limits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Limit limit = limitFor(path);
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close"); // do not read a body we refuse
            var problem = ProblemHandler.tooLargeProblem(limit.message(declared));
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private Limit limitFor(String path) {
        if (path.equals("/v1/attendance/batch")) {
            return new Limit(limits.batchBody().toBytes(), "accrue.ingest.limits.batch-body");
        }
        if (path.equals("/v1/attendance/import")) {
            return new Limit(limits.importBody().toBytes(), "accrue.ingest.limits.import-body");
        }
        return new Limit(limits.jsonBody().toBytes(), "accrue.ingest.limits.json-body");
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    record Limit(long bytes, String property) {
        String message(long actual) {
            return "The request body " + (actual >= 0 ? "of " + actual + " bytes " : "") + "is larger than this endpoint's limit of "
                    + describe(bytes) + " (" + property + ")";
        }
    }

    /** Counts the bytes read and fails once the body passes the limit, for bodies without a Content-Length. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final Limit limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final Limit limit;
        private long count;

        CountingStream(ServletInputStream delegate, Limit limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > limit.bytes()) {
                throw new PayloadTooLargeException(limit.message(-1));
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
