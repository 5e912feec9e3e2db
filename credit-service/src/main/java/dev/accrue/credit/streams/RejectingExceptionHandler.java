package dev.accrue.credit.streams;

import dev.accrue.events.Rejection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: a record that throws while it is read, processed or written goes to
 * {@code accrue.rejections} with the reason, and the stream carries on. Expected problems, oversized results
 * included ({@code AccrualLimit}, {@code TranscriptLimit}), are rejected inside the processors, in their
 * transaction; this handler writes through a producer of its own ({@link RejectionProducers}), outside it.
 * Under exactly-once that is all it can do for a failed write: a non-retriable send error leaves the transaction
 * abortable, so CONTINUE cannot commit it; the task aborts and reads the record again, and the partition stalls
 * until the cause is fixed. Each record is therefore rejected once per application instance (remembered by topic,
 * partition and offset), not once per retry. When the rejection cannot be written, the record fails the thread,
 * which is replaced and retries it, so nothing is dropped unrecorded.
 */
public final class RejectingExceptionHandler
        implements ProcessingExceptionHandler, ProductionExceptionHandler, DeserializationExceptionHandler {

    /** Streams property naming the rejections topic. */
    static final String TOPIC_CONFIG = "accrue.credit.rejections-topic";
    /** Larger payloads are left out, so the rejection itself fits in a record. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(RejectingExceptionHandler.class);

    private Map<String, Object> configs;
    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = new HashMap<>(configs);
        this.topic = String.valueOf(configs.get(TOPIC_CONFIG));
    }

    /** The producer and memory shared by every handler of this application, created on the first error. */
    RejectionProducers.Shared shared() {
        return RejectionProducers.of(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return reject(context, "Processing failed in " + context.processorNodeId() + ": " + describe(exception), exception)
                ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        return written(context, record.topic(), exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return written(context, record.topic(), exception);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return reject(context, "Cannot read the record: " + describe(exception), exception)
                ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    private ProductionExceptionHandlerResponse written(ErrorHandlerContext context, String target, Exception exception) {
        if (target.equals(topic)) { // a rejection that cannot be written: writing another would fail the same way
            log.error("Dropped a rejection that cannot be written to {} (source {}-{}@{})", target, context.topic(),
                    context.partition(), context.offset(), exception);
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        return reject(context, "Could not write its result to " + target + ": " + describe(exception), exception)
                ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }

    /** Writes the rejection and waits for it; false when it could not be written. */
    private boolean reject(ErrorHandlerContext context, String reason, Exception exception) {
        RejectionProducers.Shared shared = shared();
        String source = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (context.topic() != null && shared.rejected().contains(source)) {
            log.warn("Skipping {} again, already rejected: {}", source, reason);
            return true; // retried after an aborted transaction: one rejection is enough
        }
        log.warn("Rejecting {}: {}", source, reason, exception);
        byte[] raw = context.sourceRawValue();
        Rejection rejection = Rejection.newBuilder()
                .setSourceTopic(context.topic() == null ? "(punctuation)" : context.topic())
                .setPartition(context.partition()).setOffset(context.offset())
                .setKey(context.sourceRawKey() == null ? null : new String(context.sourceRawKey(), StandardCharsets.UTF_8))
                .setReason(reason)
                .setPayload(raw == null || raw.length > MAX_PAYLOAD ? null : ByteBuffer.wrap(raw))
                .setRejectedBy(CreditTopology.REJECTED_BY).setRejectedAt(Instant.now())
                .build();
        try {
            shared.producer().send(new ProducerRecord<>(topic, rejection.getKey(), rejection)).get(30, TimeUnit.SECONDS);
            if (context.topic() != null) {
                shared.rejected().add(source);
            }
            return true;
        } catch (Exception e) {
            log.error("Cannot write the rejection to {}; the record fails its thread and is retried", topic, e);
            return false;
        }
    }

    private static String describe(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
