package dev.accrue.credit.it;

import static org.awaitility.Awaitility.await;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaReadiness;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the integration tests share: the real broker and registry, per-test-class topic names (so
 * classes never see each other's records), an Avro producer, read-committed readers of the output
 * topics, and a barrier that waits until the streams app has committed everything produced.
 */
final class ItSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String[] TOPIC_KEYS = {"sessions", "session-closures", "licensees", "attendance", "credits",
            "certificates", "compliance", "rejections", "search-dead-letters"};

    final Endpoints endpoints = SharedStack.start(Component.KAFKA, Component.SCHEMA_REGISTRY);
    final String prefix;
    final Map<String, String> topics = new LinkedHashMap<>();
    private final KafkaProducer<String, SpecificRecord> producer;

    ItSupport(String prefix) {
        this.prefix = prefix;
        for (String key : TOPIC_KEYS) {
            topics.put(key, prefix + "." + key);
        }
        Map<String, Integer> partitions = new HashMap<>();
        topics.values().forEach(topic -> partitions.put(topic, 3));
        KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), partitions, TIMEOUT);
        Map<String, Object> config = new HashMap<>(registryConfig());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(registryConfig(), false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    Map<String, Object> registryConfig() {
        return Map.of("schema.registry.url", endpoints.schemaRegistryUrl());
    }

    /** Spring properties that point the service at this class's topics, the stack and its own state dir. */
    Map<String, String> springProperties(String applicationId, String stateDir, int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        properties.put("spring.kafka.properties.schema.registry.url", endpoints.schemaRegistryUrl());
        properties.put("spring.kafka.streams.application-id", applicationId);
        properties.put("spring.kafka.streams.state-dir", stateDir);
        properties.put("spring.kafka.streams.properties.commit.interval.ms", "100");
        // Kafka Streams does not leave its group on close, so a restarted instance waits until the old member's
        // session times out: 6 s (the broker's minimum) rather than the default 45 s.
        properties.put("spring.kafka.streams.properties.session.timeout.ms", "6000");
        properties.put("spring.kafka.streams.properties.heartbeat.interval.ms", "1500");
        properties.put("server.port", String.valueOf(port));
        properties.put("accrue.credit.streams.certificates-by-id-topic", prefix + ".certificates-by-id");
        properties.put("accrue.credit.streams.finalization-check-interval", "200ms");
        // The fixtures' sessions are in March 2025: keep their accruals (and accept their attendance) past the
        // production retention of 400 days, and longer than the 3650d grace and quiet periods some ITs set (the
        // service refuses a retention not longer than grace + quiet period + unknown-reference wait).
        properties.put("accrue.credit.streams.accrual-retention", "36500d");
        for (String key : TOPIC_KEYS) {
            properties.put("accrue.topics." + key, topics.get(key)); // relaxed binding: session-closures = sessionClosures
        }
        return properties;
    }

    void send(String topicKey, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topics.get(topicKey), key, value));
    }

    void flush() {
        producer.flush();
    }

    /** Waits until the app's consumer group has committed offsets up to the end of every partition of the topic. */
    void awaitConsumed(String applicationId, String topicKey) {
        flush();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(topics.get(topicKey), p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record of an output topic, from the beginning, once at least {@code atLeast} match. */
    <T> List<T> awaitRecords(String topicKey, int atLeast, Predicate<T> filter) {
        return awaitRecords(topicKey, atLeast, filter, TIMEOUT);
    }

    /** As above, with a longer wait for large inputs; reads at most once a second, as each read starts from the beginning. */
    <T> List<T> awaitRecords(String topicKey, int atLeast, Predicate<T> filter, Duration timeout) {
        List<T> found = new ArrayList<>();
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
            found.clear();
            found.addAll(this.<T>readAll(topicKey).stream().filter(filter).toList());
            return found.size() >= atLeast;
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> readAll(String topicKey) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        ConfluentAvroDeserializer<SpecificRecord> values = new ConfluentAvroDeserializer<>();
        values.configure(registryConfig(), false);
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                partitions.add(new TopicPartition(topics.get(topicKey), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add((T) record.value());
                }
            }
        }
        return records;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<byte[]> http(String method, String url, String apiKey, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
