package dev.accrue.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of a service ({@code accrue.web.limits.*}): the largest body of any request, and
 * per endpoint a different largest body and caps on requests in progress at once, in all and per caller.
 *
 * @param maxBody largest body of a request no endpoint entry matches
 * @param retryAfter the Retry-After of a 429 answered when an endpoint's concurrency cap is reached
 * @param endpoints per-endpoint limits; the first entry whose path matches the request applies
 */
@ConfigurationProperties("accrue.web.limits")
public record RequestLimitProperties(
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue List<Endpoint> endpoints) {

    /**
     * @param path a Spring MVC path pattern, matched the way Spring routes (decoded, path parameters removed)
     * @param maxBody largest body of a request to this endpoint; the service-wide {@code max-body} when absent
     * @param maxConcurrent most requests to this endpoint in progress at once (429 past it); 0 for no cap
     * @param maxConcurrentPerCaller most of those one caller may hold (per API key name, per remote address when
     *     anonymous; 429 past it); when absent, half of {@code maxConcurrent} and at least 1, so that one caller
     *     cannot take every slot
     */
    public record Endpoint(String path, DataSize maxBody, @DefaultValue("0") int maxConcurrent,
            Integer maxConcurrentPerCaller) {

        int perCallerCap() {
            int cap = maxConcurrentPerCaller != null ? maxConcurrentPerCaller : Math.max(1, maxConcurrent / 2);
            return maxConcurrent > 0 ? Math.min(cap, maxConcurrent) : cap;
        }
    }
}
