package dev.accrue.credit.streams;

import dev.accrue.events.Rejection;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The producers {@link RejectingExceptionHandler} writes with, each with the records it has rejected: one per
 * distinct producer configuration, so one per application. Kafka Streams creates a handler per task and never closes it, so a producer per handler leaked
 * one at every rebalance and replaced thread; this holder is static because Streams builds handlers by class name.
 * {@link #closeAll()} runs when the Spring context closes ({@link CreditStreamsConfiguration}), after Streams stopped.
 */
final class RejectionProducers {

    /** Source records remembered as rejected, so a record retried after an aborted transaction is rejected once. */
    static final int REMEMBERED = 10_000;
    private static final Map<Map<String, Object>, Shared> SHARED = new ConcurrentHashMap<>();

    /** One producer and the coordinates ({@code topic-partition@offset}) of the records already rejected through it. */
    record Shared(Producer<String, Rejection> producer, Set<String> rejected) {
    }

    /** The shared producer for this Streams configuration, created on first use. */
    static Shared of(Map<String, ?> streamsConfig) {
        return of(streamsConfig, config -> {
            ConfluentAvroSerializer<Rejection> values = new ConfluentAvroSerializer<>();
            values.configure(streamsConfig, false);
            return new KafkaProducer<>(config, new StringSerializer(), values);
        });
    }

    /** As {@link #of(Map)}, creating the producer with {@code create} if there is none yet (tests pass a mock). */
    static Shared of(Map<String, ?> streamsConfig, Function<Map<String, Object>, Producer<String, Rejection>> create) {
        return SHARED.computeIfAbsent(producerConfig(streamsConfig), config -> {
            Map<String, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            };
            return new Shared(create.apply(config),
                    Collections.synchronizedSet(Collections.newSetFromMap(recent)));
        });
    }

    /**
     * The Streams settings a producer understands (bootstrap servers, security), then the {@code producer.}-prefixed
     * ones over them, as Streams applies them to its own producers; never transactional, acks from all replicas.
     */
    static Map<String, Object> producerConfig(Map<String, ?> streamsConfig) {
        Map<String, Object> config = new HashMap<>();
        streamsConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && value != null) {
                config.put(key, value);
            }
        });
        streamsConfig.forEach((key, value) -> {
            String name = key.substring(key.startsWith(StreamsConfig.PRODUCER_PREFIX) ? StreamsConfig.PRODUCER_PREFIX.length() : 0);
            if (key.startsWith(StreamsConfig.PRODUCER_PREFIX) && ProducerConfig.configNames().contains(name) && value != null) {
                config.put(name, value);
            }
        });
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, streamsConfig.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-rejections");
        return Map.copyOf(config);
    }

    static void closeAll() {
        SHARED.values().removeIf(shared -> {
            shared.producer().close(Duration.ofSeconds(5));
            return true;
        });
    }

    private RejectionProducers() {
    }
}
