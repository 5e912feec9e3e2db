package dev.accrue.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The limit that applies to a request. Endpoints are matched on the path the way Spring MVC routes
 * it (each segment percent-decoded, {@code ;} parameters removed, no trailing-slash or double-slash
 * leniency), so an encoded path reaches the same limit as the handler it reaches; a path no entry
 * matches gets the service-wide limit, the smallest, so a disguise can only make a limit stricter.
 */
final class RequestLimits {

    private record Entry(PathPattern pattern, Limit limit) {
    }

    private final List<Entry> endpoints = new ArrayList<>();
    private final Limit fallback;

    RequestLimits(RequestLimitProperties properties) {
        this.fallback = new Limit(properties.maxBody().toBytes(), "accrue.web.limits.max-body", 0);
        for (int i = 0; i < properties.endpoints().size(); i++) {
            RequestLimitProperties.Endpoint endpoint = properties.endpoints().get(i);
            boolean own = endpoint.maxBody() != null;
            Limit limit = new Limit(own ? endpoint.maxBody().toBytes() : fallback.maxBody(),
                    own ? "accrue.web.limits.endpoints[" + i + "].max-body" : fallback.property(), endpoint.maxConcurrent());
            endpoints.add(new Entry(PathPatternParser.defaultInstance.parse(endpoint.path()), limit));
        }
    }

    Limit forRequest(HttpServletRequest request) {
        PathContainer path;
        try {
            path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        } catch (IllegalArgumentException undecodable) {
            return fallback; // Spring cannot route it either
        }
        for (Entry entry : endpoints) {
            if (entry.pattern().matches(path)) {
                return entry.limit();
            }
        }
        return fallback;
    }

    /** One endpoint's limits; {@code permits} is null when its concurrency is not capped. */
    static final class Limit {

        private final long maxBody;
        private final String property;
        private final Semaphore permits;

        Limit(long maxBody, String property, int maxConcurrent) {
            this.maxBody = maxBody;
            this.property = property;
            this.permits = maxConcurrent > 0 ? new Semaphore(maxConcurrent) : null;
        }

        long maxBody() {
            return maxBody;
        }

        String property() {
            return property;
        }

        boolean tryEnter() {
            return permits == null || permits.tryAcquire();
        }

        void leave() {
            if (permits != null) {
                permits.release();
            }
        }

        String tooLarge(long declared) {
            return "The request body " + (declared >= 0 ? "of " + declared + " bytes " : "")
                    + "is larger than this endpoint's limit of " + BodyTooLargeException.describe(maxBody) + " (" + property + ")";
        }
    }
}
