package dev.accrue.search.indexing.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.ElasticsearchTransport;
import dev.accrue.search.indexing.DocumentWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Writes documents through one shared {@link BulkIngester} and reports Elasticsearch's answer to
 * each of them. Every operation carries a future as its context; the bulk listener completes it
 * with the item's status, or with status 0 when the whole request failed (Elasticsearch down).
 * Writes are submitted without waiting, so a caller can prepare more while bulks are in flight, and
 * awaited later; batches of concurrent consumers share bulk requests.
 */
@Component
public class BulkWriter implements AutoCloseable {

    /**
     * Only what the listener reads of each item, what the client needs to parse the answer, and the
     * error of a request refused as a whole: the full answer is four times larger, and parsing it was
     * a fifth of this service's indexing CPU.
     */
    static final String RESPONSE_FIELDS =
            "took,errors,items.*._index,items.*.status,items.*.error.type,items.*.error.reason,error.type,error.reason,status";

    private final BulkIngester<Pending> ingester;
    /**
     * How our threads meet the ingester's one weakness: each answer wakes one thread waiting for a
     * request slot, and a flush woken with nothing left to send returns without passing the wake-up on.
     * With a consumer waiting to send its full bulk and three or more other flushes waiting (each
     * consumer's own, the ingester's timer), the later answers can all go to flushes with nothing to
     * send, leaving the consumer waiting with no request in flight (it hung so in benchmarks). So one
     * of our threads at a time adds, and our flushes run on one thread of their own: at most three
     * threads wait for the two slots, the first one woken sends, and the two answers left wake the rest.
     * Consumers never wait for a slot just to flush, so the others keep filling the next bulk meanwhile.
     * Upstream: https://github.com/elastic/elasticsearch-java/issues/651 (open; pull 870 made it rarer, not impossible).
     */
    private final ReentrantLock feeding = new ReentrantLock();
    private final ExecutorService flusher = daemonThread("bulk-flush");
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final IndexingProperties properties;
    /** Where bulk answers are taken in; see {@link HandOffTransport} for why not on the HTTP client's thread. */
    private final ExecutorService answers = daemonThread("bulk-answers");

    BulkWriter(ElasticsearchTransport transport, IndexingProperties properties) {
        this.properties = properties;
        ElasticsearchAsyncClient client = new ElasticsearchAsyncClient(new HandOffTransport(transport, answers))
                .withTransportOptions(o -> o.setParameter("filter_path", RESPONSE_FIELDS));
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(properties.bulkMaxOperations())
                .maxSize(properties.bulkMaxBytes())
                .maxConcurrentRequests(properties.bulkConcurrentRequests())
                .flushInterval(properties.bulkFlushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .listener(new FutureCompleter()));
    }

    /** Writes all, waits and returns one result per write, in order. Throws when Elasticsearch does not answer in time. */
    public List<ItemResult> write(List<DocumentWrite> writes) {
        return await(submit(writes));
    }

    /**
     * Hands the writes to the ingester without waiting for them; full bulks go out at once, the rest
     * with the next flush. Blocks only while the ingester already has its maximum of requests in flight.
     */
    public Submitted submit(List<DocumentWrite> writes) {
        List<Pending> pending = new ArrayList<>(writes.size());
        feeding.lock();
        try {
            for (DocumentWrite write : writes) {
                Pending p = new Pending(write, new CompletableFuture<>());
                pending.add(p);
                ingester.add(operation(write), p);
            }
        } finally {
            feeding.unlock();
        }
        return new Submitted(pending);
    }

    /** Flushes what is still buffered and waits for every answer; throws when Elasticsearch does not answer in time. */
    public List<ItemResult> await(Submitted submitted) {
        if (!submitted.isDone()) {
            requestFlush();
        }
        try {
            submitted.all().get(properties.batchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch did not answer a bulk within "
                    + properties.batchTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchUnavailableException("Interrupted while waiting for Elasticsearch", e);
        }
        return submitted.pending().stream().map(p -> p.result().join()).toList();
    }

    /** Sends what is buffered as soon as a request slot is free, on the flush thread; requests made meanwhile coalesce. */
    private void requestFlush() {
        if (flushRequested.compareAndSet(false, true)) {
            try {
                flusher.execute(() -> {
                    flushRequested.set(false);
                    ingester.flush();
                });
            } catch (RejectedExecutionException e) {
                flushRequested.set(false); // closing: close() flushes what is left
            }
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Writes handed to the ingester, each with the future of its answer. */
    public record Submitted(List<Pending> pending) {

        public boolean isDone() {
            return pending.stream().allMatch(p -> p.result().isDone());
        }

        CompletableFuture<Void> all() {
            return CompletableFuture.allOf(pending.stream().map(Pending::result).toArray(CompletableFuture[]::new));
        }
    }

    static BulkOperation operation(DocumentWrite write) {
        if (write instanceof DocumentWrite.Put put) {
            return BulkOperation.of(b -> b.index(i -> {
                i.index(put.index()).id(put.id()).document(put.document());
                put.externalVersion().ifPresent(v -> i.version(v).versionType(VersionType.External));
                return i;
            }));
        }
        DocumentWrite.Delete delete = (DocumentWrite.Delete) write;
        return BulkOperation.of(b -> b.delete(d -> d.index(delete.index()).id(delete.id())));
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            ingester.close();
        } finally {
            answers.shutdown();
        }
    }

    /** A write with the future of Elasticsearch's answer to it. */
    public record Pending(DocumentWrite write, CompletableFuture<ItemResult> result) {
    }

    private static final class FutureCompleter implements BulkListener<Pending> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                BulkResponseItem item = items.get(i);
                String error = item.error() == null ? null : item.error().type() + ": " + item.error().reason();
                contexts.get(i).result().complete(new ItemResult(contexts.get(i).write(), item.status(), error));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            String error = "request failed: " + failure;
            contexts.forEach(p -> p.result().complete(new ItemResult(p.write(), 0, error)));
        }
    }
}
