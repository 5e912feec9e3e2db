package dev.accrue.search.indexing.elastic;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A transport whose asynchronous answers complete on an executor of our own instead of the HTTP client's
 * I/O thread, where a failed request's answer could deadlock the client's connection pool against
 * {@code BulkIngester}'s lock. See docs/design.md, 'Workarounds for the Elasticsearch Java client';
 * upstream https://github.com/elastic/elasticsearch-java/issues/925 (open as of 8.19).
 */
final class HandOffTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private final Executor answers;

    HandOffTransport(ElasticsearchTransport delegate, Executor answers) {
        this.delegate = delegate;
        this.answers = answers;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        CompletableFuture<ResponseT> handedOff = new CompletableFuture<>();
        delegate.performRequestAsync(request, endpoint, options).whenComplete((response, failure) -> {
            Runnable complete = () -> {
                if (failure != null) {
                    handedOff.completeExceptionally(failure);
                } else {
                    handedOff.complete(response);
                }
            };
            try {
                answers.execute(complete);
            } catch (RejectedExecutionException e) {
                complete.run(); // shutting down: nothing waits on the ingester's lock any more, and no answer is lost
            }
        });
        return handedOff;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    /** The delegate is shared and closed by its owner. */
    @Override
    public void close() {
    }
}
