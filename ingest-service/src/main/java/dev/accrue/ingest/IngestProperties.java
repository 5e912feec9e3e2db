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
 * @param limits request size limits; each 413 names the one it hit
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
     * @param jsonBody largest body of the single-object endpoints (sessions, licensees, one event)
     * @param batchBody largest body of POST /v1/attendance/batch
     * @param batchItems most items in one batch
     * @param importBody largest CSV upload
     * @param importRows most data rows in one CSV upload
     */
    public record Limits(@DefaultValue("64KB") DataSize jsonBody, @DefaultValue("8MB") DataSize batchBody,
                         @DefaultValue("10000") int batchItems, @DefaultValue("16MB") DataSize importBody,
                         @DefaultValue("50000") int importRows) {
    }
}
