package dev.accrue.infra.registry;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebFilter;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lets one write request at a time reach the registry's storage; reads still run side by side. Apicurio
 * 2.4's H2 storage times out or answers 409 when several services register their first schemas at once;
 * see docs/infra.md, 'Traps already found'.
 */
@WebFilter(urlPatterns = "/apis/*", asyncSupported = false)
public class SerialWrites extends HttpFilter {

    /**
     * How long a write waits for the one before it. A write holds its turn while its body arrives, so a
     * stalled client would otherwise hold up every other writer; past this, the waiting one gets a 503,
     * which clients retry (Confluent's clients and ours treat 5xx as retriable).
     */
    static final long WAIT_SECONDS = 30;

    private final ReentrantLock writes = new ReentrantLock(true);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isRead(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!turn()) {
            response.setHeader("Retry-After", "1");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Another write has held the registry for " + WAIT_SECONDS + " s; retry");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            writes.unlock();
        }
    }

    private boolean turn() {
        try {
            return writes.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
