package dev.accrue.credit.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.accrue.events.Rejection;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every handler Kafka Streams creates writes through one shared producer, and rejects a retried record once. */
class RejectingExceptionHandlerTest {

    private static final Map<String, Object> STREAMS = Map.of(
            "application.id", "handler-test", "bootstrap.servers", "localhost:1",
            "schema.registry.url", "http://localhost:1", "processing.guarantee", "exactly_once_v2",
            RejectingExceptionHandler.TOPIC_CONFIG, "accrue.rejections");

    private final MockProducer<String, Rejection> producer = new MockProducer<>(true, null, new StringSerializer(),
            (topic, rejection) -> new byte[0]);

    @AfterEach
    void closeProducers() {
        RejectionProducers.closeAll();
    }

    @Test
    void handlersOfEveryTaskShareOneProducerUntilTheServiceStops() {
        RejectingExceptionHandler first = handler();
        RejectingExceptionHandler second = handler();
        RejectionProducers.Shared shared = first.shared();

        assertThat(second.shared()).isSameAs(shared);
        RejectionProducers.closeAll(); // the service stops
        assertThat(first.shared()).isNotSameAs(shared);
    }

    @Test
    void theProducerTakesTheProducerPrefixedSecuritySettingsAndIsNeverTransactional() {
        Map<String, Object> streams = new java.util.HashMap<>(STREAMS);
        streams.putAll(Map.of("security.protocol", "PLAINTEXT", "producer.security.protocol", "SASL_SSL",
                "producer.sasl.mechanism", "PLAIN", "producer.transactional.id", "not-for-rejections"));

        Map<String, Object> config = RejectionProducers.producerConfig(streams);

        assertThat(config).containsEntry("bootstrap.servers", "localhost:1")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("acks", "all").doesNotContainKeys("transactional.id", "processing.guarantee");
    }

    @Test
    void aRecordThatFailsAgainAfterAnAbortedTransactionIsRejectedOnce() {
        RejectionProducers.of(STREAMS, config -> producer);
        ErrorHandlerContext context = context(7);

        ProductionExceptionHandlerResponse first = handler().handle(context, output(), new RecordTooLargeException("big"));
        ProductionExceptionHandlerResponse again = handler().handle(context, output(), new RecordTooLargeException("big"));
        ProcessingHandlerResponse next = handler().handle(context(8), (org.apache.kafka.streams.processor.api.Record<?, ?>) null,
                new IllegalStateException("boom"));

        assertThat(first).isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(again).isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(next).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(producer.history()).extracting(r -> r.value().getOffset()).containsExactly(7L, 8L);
        assertThat(producer.history().get(0).value().getReason()).contains("RecordTooLargeException");
    }

    private RejectingExceptionHandler handler() {
        RejectingExceptionHandler handler = new RejectingExceptionHandler();
        handler.configure(STREAMS);
        return handler;
    }

    private static ProducerRecord<byte[], byte[]> output() {
        return new ProducerRecord<>("transcript-store-changelog", new byte[0], new byte[0]);
    }

    private static ErrorHandlerContext context(long offset) {
        ErrorHandlerContext context = mock(ErrorHandlerContext.class);
        when(context.topic()).thenReturn("accrue.attendance");
        when(context.partition()).thenReturn(1);
        when(context.offset()).thenReturn(offset);
        when(context.processorNodeId()).thenReturn("attendance-processor");
        return context;
    }
}
