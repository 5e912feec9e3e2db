package dev.accrue.ingest.kafka;

import dev.accrue.ingest.errors.UnavailableException;
import dev.accrue.ingest.view.Position;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request's records and waits until the broker has acknowledged every one of them. All
 * records are handed to the producer first (it batches them; no flush per record), then one latch,
 * counted down by the producer's callbacks, is awaited against one deadline (no future per record
 * to poll, no second RecordMetadata per record). If anything is not acknowledged by then, the whole
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

    /** Sends one record and returns where the broker stored it, for views that keep the newest value per key. */
    public Position send(ProducerRecord<String, SpecificRecord> record) {
        RecordMetadata stored = sendAndAwait(List.of(record)).stored;
        return new Position(stored.partition(), stored.offset());
    }

    /** Sends all records and returns once the broker has acknowledged every one. */
    public void sendAll(List<ProducerRecord<String, SpecificRecord>> records) {
        sendAndAwait(records);
    }

    private Acks sendAndAwait(List<ProducerRecord<String, SpecificRecord>> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Acks acks = new Acks(records.size());
        try {
            for (ProducerRecord<String, SpecificRecord> record : records) {
                // send() itself can block (metadata, full buffer) for up to max.block.ms; stop at the deadline.
                if (System.nanoTime() > deadline) {
                    throw unavailable("Kafka did not take the records within " + timeout.toMillis() + " ms", null);
                }
                producer.send(record, acks);
            }
            if (!acks.pending.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw unavailable("Kafka did not acknowledge " + records.size() + " record(s) within "
                        + timeout.toMillis() + " ms", null);
            }
        } catch (KafkaException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for Kafka", e);
        }
        Exception failed = acks.failure.get();
        if (failed != null) {
            throw failure(failed);
        }
        return acks;
    }

    /** Counts acknowledgements down; keeps the first failure, and where the (last) record was stored. */
    private static final class Acks implements Callback {
        final CountDownLatch pending;
        final AtomicReference<Exception> failure = new AtomicReference<>();
        RecordMetadata stored; // visible to the waiting thread through the latch

        Acks(int count) {
            this.pending = new CountDownLatch(count);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                stored = metadata;
            }
            pending.countDown();
        }
    }

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof RetriableException || cause instanceof TimeoutException
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
