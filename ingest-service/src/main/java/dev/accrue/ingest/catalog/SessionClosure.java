package dev.accrue.ingest.catalog;

import java.time.Instant;

/** A provider's statement that a session's roster is complete. */
public record SessionClosure(String sessionId, String providerId, Instant closedAt) {
}
