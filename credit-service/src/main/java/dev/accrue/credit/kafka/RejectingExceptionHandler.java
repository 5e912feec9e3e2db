package dev.accrue.credit.kafka;

import dev.accrue.events.Rejection;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: a record that throws while it is read, processed or written goes to
 * {@code accrue.rejections} with the reason, and the stream carries on, so one record never stops the
 * client for every tenant. Expected problems are rejected inside the processors, in their transaction;
 * this handler catches only the unexpected, so its rejection is written by a producer of its own
 * (created on the first error), outside the transaction: if the task's transaction then aborts, the
 * record is processed again and may be rejected twice. When the rejection cannot be written, the
 * record fails the thread, which is replaced and retries it, so nothing is dropped unrecorded.
 * Kafka Streams creates it from {@code processing.exception.handler} and its siblings
 * ({@link CreditStreamsConfiguration}).
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
    private Producer<String, Rejection> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = new HashMap<>(configs);
        this.topic = String.valueOf(configs.get(TOPIC_CONFIG));
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
        log.warn("Rejecting {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), reason, exception);
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
            producer().send(new ProducerRecord<>(topic, rejection.getKey(), rejection)).get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            log.error("Cannot write the rejection to {}; the record fails its thread and is retried", topic, e);
            return false;
        }
    }

    private Producer<String, Rejection> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            configs.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key) && value != null) {
                    config.put(key, value); // bootstrap servers, security
                }
            });
            config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "credit-service-rejections-" + System.identityHashCode(this));
            ConfluentAvroSerializer<Rejection> values = new ConfluentAvroSerializer<>();
            values.configure(configs, false);
            producer = new KafkaProducer<>(config, new StringSerializer(), values);
        }
        return producer;
    }

    private static String describe(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
