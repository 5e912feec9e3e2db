package dev.accrue.ingest.errors;

import java.time.Duration;

/**
 * The service cannot safely accept the request right now: Kafka did not acknowledge in time, or
 * the catalog and licensee views are still loading. Answered as 503 with Retry-After; nothing in
 * the answer implies that anything was stored.
 */
public class UnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    public UnavailableException(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
