package dev.accrue.ingest.common.kafka;

import dev.accrue.ingest.common.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request's records and waits until the broker has acknowledged every one of them. All
 * records are handed to the producer first (it batches them; no flush per record), then the
 * futures are awaited against one deadline. If anything is not acknowledged by then, the whole
 * request fails with {@link UnavailableException} (503): some records may still be stored, which
 * is harmless because consumers deduplicate by event id and catalog topics keep the latest value.
 */
public final class AckingProducer {

    private static final Logger log = LoggerFactory.getLogger(AckingProducer.class);

    private final Producer<String, SpecificRecord> producer;
    private final Duration timeout;
    private final Duration retryAfter;

    public AckingProducer(Producer<String, SpecificRecord> producer, Duration timeout, Duration retryAfter) {
        this.producer = producer;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    public RecordMetadata send(ProducerRecord<String, SpecificRecord> record) {
        return sendAll(List.of(record)).get(0);
    }

    public List<RecordMetadata> sendAll(List<ProducerRecord<String, SpecificRecord>> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, SpecificRecord> record : records) {
                // send() itself can block (metadata, full buffer) for up to max.block.ms; stop at the deadline.
                if (System.nanoTime() > deadline) {
                    throw unavailable("Kafka did not take the records within " + timeout.toMillis() + " ms", null);
                }
                futures.add(producer.send(record));
            }
        } catch (KafkaException e) {
            throw failure(e);
        }
        List<RecordMetadata> acknowledged = new ArrayList<>(futures.size());
        for (Future<RecordMetadata> future : futures) {
            try {
                acknowledged.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw unavailable("Kafka did not acknowledge " + records.size() + " record(s) within "
                        + timeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("Interrupted while waiting for Kafka", e);
            }
        }
        return acknowledged;
    }

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof RetriableException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof UnavailableException) {
            return cause instanceof UnavailableException u ? u : unavailable("Kafka is not available: " + cause.getMessage(), cause);
        }
        // Not retriable (a registry that refuses our schema, an authorization error): our fault, not the client's.
        log.error("Kafka refused a record for a reason retrying will not fix", cause);
        return new IllegalStateException("Kafka refused the records: " + cause.getMessage(), cause);
    }

    private UnavailableException unavailable(String reason, Throwable cause) {
        log.warn("{}; answering 503", reason);
        return new UnavailableException(reason + "; nothing in this request should be considered stored. Retry later"
                + " with the same event ids (safe: they are idempotency keys).", retryAfter, cause);
    }
}
