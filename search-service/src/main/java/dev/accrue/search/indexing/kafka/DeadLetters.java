package dev.accrue.search.indexing.kafka;

import dev.accrue.events.Rejection;
import dev.accrue.platform.topics.AccrueTopics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes records that can never be indexed to the search dead-letter topic as {@link Rejection}s,
 * keyed like the original, and waits until Kafka has them: only then may the batch's offsets be
 * committed. A batch retried after publishing may publish the same rejection twice (at least once).
 */
class DeadLetters {

    static final String REJECTED_BY = "search-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Rejection> template;
    private final AccrueTopics topics;
    private final Clock clock;

    DeadLetters(KafkaTemplate<String, Rejection> template, AccrueTopics topics, Clock clock) {
        this.template = template;
        this.topics = topics;
        this.clock = clock;
    }

    void publish(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<CompletableFuture<SendResult<String, Rejection>>> sends = new ArrayList<>();
        for (Rejected r : rejected) {
            sends.add(template.send(topics.searchDeadLetters(), r.record().key(), rejection(r)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish " + rejected.size() + " dead letters; retrying the batch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing dead letters", e);
        }
    }

    Rejection rejection(Rejected r) {
        return Rejection.newBuilder()
                .setSourceTopic(r.record().topic())
                .setPartition(r.record().partition())
                .setOffset(r.record().offset())
                .setKey(r.record().key())
                .setEventId(r.eventId())
                .setReason(r.reason())
                .setPayload(r.unreadable() && r.record().value() != null ? ByteBuffer.wrap(r.record().value()) : null)
                .setRejectedBy(REJECTED_BY)
                .setRejectedAt(clock.instant())
                .build();
    }
}
