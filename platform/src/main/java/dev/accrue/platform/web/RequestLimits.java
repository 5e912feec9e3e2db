package dev.accrue.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
        this.fallback = new Limit(properties.maxBody().toBytes(), "accrue.web.limits.max-body", 0, 0);
        for (int i = 0; i < properties.endpoints().size(); i++) {
            RequestLimitProperties.Endpoint endpoint = properties.endpoints().get(i);
            boolean own = endpoint.maxBody() != null;
            Limit limit = new Limit(own ? endpoint.maxBody().toBytes() : fallback.maxBody(),
                    own ? "accrue.web.limits.endpoints[" + i + "].max-body" : fallback.property(), endpoint.maxConcurrent(),
                    endpoint.perCallerCap());
            endpoints.add(new Entry(PathPatternParser.defaultInstance.parse(endpoint.path()), limit));
        }
    }

    /** The endpoints' limits, in configuration order. */
    List<Limit> endpointLimits() {
        return endpoints.stream().map(Entry::limit).toList();
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

    /** Whether a request may run now, and if not, whose cap it met. */
    enum Admission { ADMITTED, CALLER_AT_CAP, ENDPOINT_AT_CAP }

    /**
     * One endpoint's limits; {@code permits} is null when its concurrency is not capped. The slots are
     * also counted per caller, since a caller that holds every slot (a slow upload trickled on each)
     * would shut everyone else out.
     */
    static final class Limit {

        private final long maxBody;
        private final String property;
        private final Semaphore permits;
        private final int maxPerCaller;
        private final ConcurrentHashMap<String, Integer> heldByCaller = new ConcurrentHashMap<>();

        Limit(long maxBody, String property, int maxConcurrent, int maxPerCaller) {
            this.maxBody = maxBody;
            this.property = property;
            this.permits = maxConcurrent > 0 ? new Semaphore(maxConcurrent) : null;
            this.maxPerCaller = maxPerCaller;
        }

        long maxBody() {
            return maxBody;
        }

        String property() {
            return property;
        }

        int maxPerCaller() {
            return maxPerCaller;
        }

        /** Takes a slot for the caller; on {@link Admission#ADMITTED} the request must {@link #leave} when done. */
        Admission tryEnter(String caller) {
            if (permits == null) {
                return Admission.ADMITTED;
            }
            boolean[] taken = {false};
            heldByCaller.compute(caller, (key, held) -> {
                int count = held == null ? 0 : held;
                taken[0] = count < maxPerCaller;
                return taken[0] ? count + 1 : held;
            });
            if (!taken[0]) {
                return Admission.CALLER_AT_CAP;
            }
            if (!permits.tryAcquire()) {
                release(caller);
                return Admission.ENDPOINT_AT_CAP;
            }
            return Admission.ADMITTED;
        }

        void leave(String caller) {
            if (permits != null) {
                permits.release();
                release(caller);
            }
        }

        private void release(String caller) {
            heldByCaller.computeIfPresent(caller, (key, held) -> held == 1 ? null : held - 1); // no entry for idle callers
        }

        String tooLarge(long declared) {
            return "The request body " + (declared >= 0 ? "of " + declared + " bytes " : "")
                    + "is larger than this endpoint's limit of " + BodyTooLargeException.describe(maxBody) + " (" + property + ")";
        }
    }
}
