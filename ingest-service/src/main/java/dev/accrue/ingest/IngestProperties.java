package dev.accrue.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingest service ({@code accrue.ingest.*}); topic names come from {@code accrue.topics.*}.
 *
 * @param publish how long a request waits for the broker, and the Retry-After it answers with when that fails
 * @param views how long a miss waits for the catalog and licensee views to catch up with other instances
 * @param limits item, row and line limits of one request; each 413 names the one it hit
 */
@ConfigurationProperties("accrue.ingest")
public record IngestProperties(
        @DefaultValue Publish publish,
        @DefaultValue Views views,
        @DefaultValue Limits limits) {

    /**
     * @param timeout upper bound from the first send until every record of a request is acknowledged
     * @param retryAfter the Retry-After of a 503 when Kafka did not acknowledge in time
     */
    public record Publish(@DefaultValue("5s") Duration timeout, @DefaultValue("5s") Duration retryAfter) {
    }

    /**
     * @param freshnessWait how long a lookup that misses may wait for the view to reach the topic's end
     * @param retryAfter the Retry-After of a 503 while the views are still loading at start-up
     * @param pollTimeout how long one poll of the view readers waits for new records
     */
    public record Views(@DefaultValue("2s") Duration freshnessWait, @DefaultValue("2s") Duration retryAfter,
                        @DefaultValue("200ms") Duration pollTimeout) {
    }

    /**
     * What one request may hold; body sizes and concurrency per endpoint are {@code accrue.web.limits.*} (platform).
     *
     * @param batchItems most items in one batch
     * @param importRows most data rows in one CSV upload
     * @param lineLength most characters in one line of a CSV upload or of an NDJSON batch
     */
    public record Limits(@DefaultValue("10000") int batchItems, @DefaultValue("50000") int importRows,
                         @DefaultValue("65536") int lineLength) {
    }
}
