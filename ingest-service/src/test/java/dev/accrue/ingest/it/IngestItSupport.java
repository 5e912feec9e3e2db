package dev.accrue.ingest.it;

import static org.awaitility.Awaitility.await;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole service on a random port against the real broker and registry of the shared
 * local stack, with the local profile's development keys. Helpers speak plain HTTP and read what
 * actually landed on the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
abstract class IngestItSupport {

    static final String ADMIN = "dev-admin-key";
    static final String ANALYST = "dev-analyst-key";
    static final String ACME = "dev-provider-acme-key";
    static final String NORTHWIND = "dev-provider-northwind-key";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Endpoints STACK = SharedStack.start(Component.KAFKA, Component.SCHEMA_REGISTRY);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", STACK::kafkaBootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", STACK::schemaRegistryUrl);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/actuator/health", null, null, (String) null).status() == 200);
    }

    Response send(String method, String path, String key, String contentType, String body) {
        return send(method, path, key, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response putJson(String path, String key, String body) {
        return send("PUT", path, key, "application/json", body);
    }

    Response postJson(String path, String key, String body) {
        return send("POST", path, key, "application/json", body);
    }

    Response putLiveSession(String sessionId, String provider, String key) {
        return putJson("/v1/sessions/" + sessionId, key, """
                {"courseId":"ethics-101","providerId":"%s","title":"Law and Ethics","format":"LIVE_WEBINAR",
                 "startsAt":"2025-03-01T09:00:00-08:00","endsAt":"2025-03-01T12:15:00-08:00","timeZone":"America/Los_Angeles",
                 "breaks":[{"startsAt":"2025-03-01T10:30:00-08:00","endsAt":"2025-03-01T10:45:00-08:00"}],
                 "creditHours":3,"categories":[{"category":"LAW_AND_ETHICS","hours":3}],
                 "approvals":[{"body":"APA","approvalId":"APA-1"}]}""".formatted(provider));
    }

    Response putLicensee(String licenseeId, String email, String key) {
        return putJson("/v1/licensees/" + licenseeId, key, """
                {"givenName":"Jane","familyName":"Doe","email":"%s","licenses":[{"board":"CA-BBS","licenseType":"LMFT",
                 "licenseNumber":"LMFT 1","cycleStart":"2024-01-01","cycleEnd":"2025-12-31","firstRenewal":false}]}"""
                .formatted(email));
    }

    static String event(String eventId, String sessionId, String licenseeId, String type, String occurredAt) {
        return """
                {"eventId":"%s","sessionId":"%s","licenseeId":"%s","type":"%s","occurredAt":"%s"}"""
                .formatted(eventId, sessionId, licenseeId, type, occurredAt);
    }

    /** Waits until the topic holds at least {@code expected} matching records, then returns all matching ones. */
    static <T extends SpecificRecord> List<ConsumerRecord<String, T>> awaitRecords(String topic, Class<T> type,
                                                                                 Predicate<T> match, int expected) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(readAll(topic, type, match));
            return found.size() >= expected;
        });
        return found;
    }

    static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(String topic, Class<T> type, Predicate<T> match) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(Map.of("schema.registry.url", STACK.schemaRegistryUrl()), type))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, T>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && match.test(r.value())) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }
}
