package dev.accrue.search.indexing.elastic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are consumed and bulk-indexed ({@code accrue.search.indexing.*}).
 *
 * @param groupId consumer group shared by every instance, so partitions are spread over them
 * @param concurrency consumers per instance
 * @param maxPollRecords records per batch
 * @param batchesInFlight batches per consumer whose bulks may still be unanswered while it polls the next one
 * @param bulkMaxOperations operations per bulk request
 * @param bulkMaxBytes bytes per bulk request
 * @param bulkConcurrentRequests bulk requests in flight at once
 * @param bulkFlushInterval flush a partly filled bulk after this long
 * @param batchTimeout how long a batch may wait for Elasticsearch before it is retried
 * @param retryInitialInterval first wait before retrying a batch Elasticsearch did not take
 * @param retryMaxInterval longest wait between retries (retries never stop)
 * @param autoStartup whether the listeners start with the application
 */
@ConfigurationProperties("accrue.search.indexing")
public record IndexingProperties(
        @DefaultValue("accrue-search-indexer") String groupId,
        @DefaultValue("3") int concurrency,
        @DefaultValue("1000") int maxPollRecords,
        @DefaultValue("2") int batchesInFlight,
        @DefaultValue("1000") int bulkMaxOperations,
        @DefaultValue("5000000") long bulkMaxBytes,
        @DefaultValue("2") int bulkConcurrentRequests,
        @DefaultValue("1s") Duration bulkFlushInterval,
        @DefaultValue("60s") Duration batchTimeout,
        @DefaultValue("1s") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("true") boolean autoStartup) {
}
