package dev.accrue.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link RequestLimits} on every request, after API-key authentication (so an anonymous upload to a
 * protected endpoint is refused unread). A declared Content-Length over the limit is a 413 before anything is
 * read; a chunked body is counted as it is read and fails with the same 413 once it passes the limit. An
 * endpoint at its concurrency cap, or a caller at its share of it, answers 429 with Retry-After, unread. A
 * JSON body that is not well-formed UTF-8 is a 400 as soon as the bad byte is read. The refusals close the
 * connection, so the server does not drain a body it refused.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final Duration retryAfter;

    RequestSizeLimitFilter(RequestLimits limits, Duration retryAfter) {
        this.limits = limits;
        this.retryAfter = retryAfter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestLimits.Limit limit = limits.forRequest(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.maxBody()) {
            Problems.write(request, response, Problems.tooLarge(limit.tooLarge(declared)));
            return;
        }
        String caller = callerOf(request);
        RequestLimits.Admission admission = limit.tryEnter(caller);
        if (admission != RequestLimits.Admission.ADMITTED) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", String.valueOf(seconds));
            Problems.write(request, response, Problems.tooManyRequests((admission == RequestLimits.Admission.CALLER_AT_CAP
                    ? "This caller already has " + limit.maxPerCaller() + " request(s) in progress at this endpoint, as"
                    + " many as one caller may run at once"
                    : "This endpoint is handling as many requests as it takes at once") + "; retry after " + seconds + " s"));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException | MalformedBodyException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset(); // a filter read it, not a controller
            Problems.write(request, response, e instanceof BodyTooLargeException
                    ? Problems.tooLarge(e.getMessage()) : Problems.malformed(e.getMessage()));
        } finally {
            limit.leave(caller);
        }
    }

    /**
     * Whom the per-caller cap counts: the API key's name (the API-key filter ran first and made it the remote user),
     * else the remote address. Behind a proxy that address is the proxy's unless Tomcat is told to trust its
     * forwarded headers ({@code server.forward-headers-strategy}).
     */
    private static String callerOf(HttpServletRequest request) {
        String keyName = request.getRemoteUser();
        return keyName != null ? "key " + keyName : "address " + request.getRemoteAddr();
    }

    /** Counts the bytes read and fails once the body passes the limit, for bodies without a Content-Length. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final RequestLimits.Limit limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, RequestLimits.Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, isJson(getContentType()) ? new Utf8Validator() : null);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                return new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259), and Jackson reads it from bytes. NDJSON and CSV bodies are decoded by their
     * readers with a strict decoder, and multipart parts are binary, so only JSON is checked here.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Counts the bytes read against the limit and, for JSON, checks that they are UTF-8. */
    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final RequestLimits.Limit limit;
        private final Utf8Validator utf8;
        private long count;

        CountingStream(ServletInputStream delegate, RequestLimits.Limit limit, Utf8Validator utf8) {
            this.delegate = delegate;
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
                if (utf8 != null) {
                    utf8.accept(b);
                }
            } else if (utf8 != null) {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
                if (utf8 != null) {
                    utf8.accept(buffer, offset, n);
                }
            } else if (n < 0 && utf8 != null) {
                utf8.end();
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > limit.maxBody()) {
                throw new BodyTooLargeException(limit.tooLarge(-1));
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
