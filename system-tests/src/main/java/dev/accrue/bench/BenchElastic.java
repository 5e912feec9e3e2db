package dev.accrue.bench;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * Elasticsearch for the benchmarks: JSON calls over the JDK HTTP client (counts, refreshes,
 * searches, mappings, scrolling), and the official client's {@link BulkIngester} for loading.
 */
final class BenchElastic implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RestClient restClient;
    private final ElasticsearchAsyncClient async;

    BenchElastic(String url) {
        this.url = url;
        this.restClient = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(r -> r.setConnectTimeout(5000).setSocketTimeout(120_000)).build();
        this.async = new ElasticsearchAsyncClient(new RestClientTransport(restClient, new JacksonJsonpMapper(JSON)));
    }

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").method(method, publisher).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode require(String method, String path, Object body) {
        Answer answer = call(method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " failed: HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** Documents visible to search in the indices (comma-separated; missing indices count 0). */
    long count(String indices) {
        Answer answer = call("GET", "/" + indices + "/_count?ignore_unavailable=true&allow_no_indices=true", null);
        return answer.ok() ? answer.body().path("count").asLong() : 0;
    }

    long count(String indices, String queryJson) {
        Answer answer = call("POST", "/" + indices + "/_count?ignore_unavailable=true&allow_no_indices=true",
                "{\"query\":" + queryJson + "}");
        return answer.ok() ? answer.body().path("count").asLong() : 0;
    }

    /** Deletes the named indices (comma-separated names; Elasticsearch refuses wildcards in deletes). */
    void delete(String indices) {
        call("DELETE", "/" + indices + "?ignore_unavailable=true", null);
    }

    void refresh(String indices) {
        call("POST", "/" + indices + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
    }

    /** Creates an index with another index's mapping, shard and replica counts, for a baseline beside it. */
    void createLike(String source, String target) {
        JsonNode mapping = require("GET", "/" + source + "/_mapping", null).path(source).path("mappings");
        JsonNode settings = require("GET", "/" + source + "/_settings", null).path(source).path("settings").path("index");
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").put("number_of_shards", settings.path("number_of_shards").asText("1"))
                .put("number_of_replicas", settings.path("number_of_replicas").asText("0"));
        body.set("mappings", mapping);
        call("DELETE", "/" + target + "?ignore_unavailable=true", null);
        require("PUT", "/" + target, body);
    }

    /** Every document of the index (id, version and source), page by page with scroll. */
    void scroll(String index, int pageSize, Consumer<JsonNode> hit) {
        JsonNode page = require("POST", "/" + index + "/_search?scroll=2m", "{\"size\":" + pageSize
                + ",\"version\":true,\"sort\":[\"_doc\"]}");
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                page.path("hits").path("hits").forEach(hit);
                page = require("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}");
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            call("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scrollId + "\"}");
        }
    }

    /** A bulk ingester that counts failed items and failed requests instead of retrying them. */
    Ingester ingester(int maxOperations, long maxBytes, int concurrentRequests, long flushMillis) {
        return new Ingester(async, maxOperations, maxBytes, concurrentRequests, flushMillis);
    }

    /**
     * The same, asking Elasticsearch only for each item's index, status and error, as search-service's
     * {@code BulkWriter} does: a baseline for it parses answers of the same size.
     */
    Ingester trimmedIngester(int maxOperations, long maxBytes, int concurrentRequests, long flushMillis) {
        return new Ingester(async.withTransportOptions(o -> o.setParameter("filter_path",
                "took,errors,items.*._index,items.*.status,items.*.error.type,items.*.error.reason,error.type,error.reason,status")),
                maxOperations, maxBytes, concurrentRequests, flushMillis);
    }

    static final class Ingester implements AutoCloseable {
        final BulkIngester<Void> bulk;
        private final AtomicLong failedItems = new AtomicLong();
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();

        Ingester(ElasticsearchAsyncClient client, int maxOperations, long maxBytes, int concurrentRequests, long flushMillis) {
            this.bulk = BulkIngester.of(b -> b.client(client).maxOperations(maxOperations).maxSize(maxBytes)
                    .maxConcurrentRequests(concurrentRequests).flushInterval(flushMillis, TimeUnit.MILLISECONDS)
                    .listener(new BulkListener<>() {
                        @Override
                        public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
                        }

                        @Override
                        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
                            response.items().forEach(item -> {
                                if (item.error() != null) {
                                    failedItems.incrementAndGet();
                                    firstError.compareAndSet(null, item.error().type() + ": " + item.error().reason());
                                }
                            });
                            acknowledged.addAndGet(response.items().size());
                        }

                        @Override
                        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
                            failedItems.addAndGet(contexts.size());
                            firstError.compareAndSet(null, String.valueOf(failure));
                        }
                    }));
        }

        long acknowledged() {
            return acknowledged.get();
        }

        /** Throws when any item failed: a baseline that lost documents would flatter nothing. */
        void requireNoFailures() {
            if (failedItems.get() > 0) {
                throw new IllegalStateException(failedItems.get() + " bulk items failed, first: " + firstError.get());
            }
        }

        @Override
        public void close() {
            bulk.close();
        }
    }

    @Override
    public void close() {
        try {
            restClient.close();
        } catch (IOException e) {
            // closing
        }
    }
}
