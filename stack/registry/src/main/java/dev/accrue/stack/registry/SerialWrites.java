package dev.accrue.stack.registry;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebFilter;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lets one write request at a time reach the registry's storage; reads still run side by side.
 *
 * <p>Why: Apicurio 2.4's in-memory (H2) storage takes its id sequences inside each write's transaction
 * under a JVM-wide lock, so two concurrent registrations can wait on each other until H2's lock timeout,
 * answering HTTP 500 "Timeout trying to lock table" after 10 s (Apicurio issues #2699 and #4351), and two
 * concurrent first registrations of one subject answer 409 "artifact already exists" instead of one
 * version. Several services registering their first schemas at once hit both. A one-connection pool does
 * not help: some requests need a second connection. Writes to a local registry are few (one per new
 * schema), so queueing them costs nothing that matters.
 */
@WebFilter(urlPatterns = "/apis/*", asyncSupported = false)
public class SerialWrites extends HttpFilter {

    private final ReentrantLock writes = new ReentrantLock(true);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isRead(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        writes.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            writes.unlock();
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
