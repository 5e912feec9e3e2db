package dev.accrue.search.indexing.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandOffTransportTest {

    private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> new Thread(r, "answers"));
    private final PendingTransport http = new PendingTransport();
    private final HandOffTransport transport = new HandOffTransport(http, answers);

    @AfterEach
    void stop() {
        answers.shutdownNow();
    }

    @Test
    void whatReactsToAnAnswerRunsOnTheExecutorNotOnTheThreadThatCompletedIt() throws Exception {
        CompletableFuture<Object> answer = transport.performRequestAsync("request", null, null);
        AtomicReference<String> reactedOn = new AtomicReference<>();
        CompletableFuture<Void> reacted = answer.thenRun(() -> reactedOn.set(Thread.currentThread().getName()));

        http.pending.complete("response"); // here: the HTTP client's I/O thread, possibly holding its pool lock

        reacted.get(5, TimeUnit.SECONDS);
        assertThat(answer.get()).isEqualTo("response");
        assertThat(reactedOn.get()).isEqualTo("answers");
    }

    @Test
    void aFailedRequestFailsTheAnswerWithTheSameCause() {
        CompletableFuture<Object> answer = transport.performRequestAsync("request", null, null);

        http.pending.completeExceptionally(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }

    /** An HTTP transport whose one request is answered when the test says so. */
    private static final class PendingTransport implements ElasticsearchTransport {
        final CompletableFuture<Object> pending = new CompletableFuture<>();

        @Override
        @SuppressWarnings("unchecked")
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return (CompletableFuture<ResponseT>) pending;
        }

        @Override
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return null;
        }

        @Override
        public TransportOptions options() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
