package dev.accrue.ingest.kafka;

import dev.accrue.ingest.errors.UnavailableException;
import dev.accrue.ingest.view.Position;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request's records and waits until the broker has acknowledged every one of them. All
 * records are handed to the producer first (it batches them), flushed once, then one latch,
 * counted down by the producer's callbacks, is awaited against one deadline (no future per record
 * to poll). If anything is not acknowledged by then, the whole
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
        return sendAll(List.of(record)).get(0);
    }

    /**
     * Sends all records and returns once the broker has acknowledged every one, with where each was stored (in the
     * order of the records).
     */
    public List<Position> sendAll(List<ProducerRecord<String, SpecificRecord>> records) {
        return Arrays.asList(sendAndAwait(records).stored);
    }

    private Acks sendAndAwait(List<ProducerRecord<String, SpecificRecord>> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Acks acks = new Acks(records.size());
        int sent = 0;
        try {
            for (ProducerRecord<String, SpecificRecord> record : records) {
                // send() itself can block (metadata, full buffer) for up to max.block.ms; stop at the deadline.
                if (System.nanoTime() > deadline) {
                    throw unavailable("Kafka did not take the records within " + timeout.toMillis() + " ms", null);
                }
                producer.send(record, acks.forRecord(sent++));
            }
            // The request waits for its acknowledgements anyway: send its last records now instead of after linger.ms
            // (5 ms a request, the most of a single PUT's time). flush() waits for the records of every request sent
            // before it too, at most delivery.timeout.ms; those are on their way already.
            producer.flush();
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

    /** Counts acknowledgements down; keeps the first failure, and where each record was stored. */
    private static final class Acks {
        final CountDownLatch pending;
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final Position[] stored; // visible to the waiting thread through the latch

        Acks(int count) {
            this.pending = new CountDownLatch(count);
            this.stored = new Position[count];
        }

        Callback forRecord(int index) {
            return (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                } else {
                    stored[index] = new Position(metadata.partition(), metadata.offset());
                }
                pending.countDown();
            };
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
