package dev.accrue.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaReadiness;
import dev.accrue.infra.teststack.SharedStack;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serdes against the real Kafka broker and the real Confluent-API registry (Apicurio ccompat). */
class ConfluentSerdeIT {

    private static Endpoints endpoints;

    @BeforeAll
    static void startStack() {
        endpoints = SharedStack.start(Component.KAFKA, Component.SCHEMA_REGISTRY);
    }

    @Test
    void anAvroEventRoundTripsThroughKafkaAndTheRegistry() {
        String topic = "attendance-" + UUID.randomUUID();
        KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), Map.of(topic, 3), Duration.ofSeconds(30));
        AttendanceEvent sent = Fixtures.attendance("e-roundtrip");

        try (KafkaProducer<String, AttendanceEvent> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(topic, sent.getLicenseeId(), sent)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        List<AttendanceEvent> received = new ArrayList<>();
        try (KafkaConsumer<String, AttendanceEvent> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
            }
        }

        assertThat(received).containsExactly(sent);
        assertThat(get("/subjects")).contains(topic + "-value");
    }

    @Test
    void theSameSchemaGetsTheSameIdFromEveryClient() {
        String subject = "ids-" + UUID.randomUUID() + "-value";
        Schema schema = AttendanceEvent.getClassSchema();

        int first = new HttpSchemaRegistry(config(Map.of())).register(subject, schema);
        int second = new HttpSchemaRegistry(config(Map.of())).register(subject, schema);

        assertThat(second).isEqualTo(first);
        assertThat(new HttpSchemaRegistry(config(Map.of())).byId(first)).isEqualTo(schema);
    }

    /**
     * Services starting together register their first schemas at the same moment, several of them under the
     * same subject (every instance of a service). Apicurio's in-memory storage used to answer some of these
     * with 500 (H2 lock timeouts) or 409 (the subject "already exists"); the local registry now queues writes.
     */
    @Test
    void manyClientsRegisteringAtOnceAllGetTheirIds() throws Exception {
        String run = UUID.randomUUID().toString();
        String shared = "shared-" + run + "-value";
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> sharedIds = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                sharedIds.add(pool.submit(() -> {
                    HttpSchemaRegistry registry = new HttpSchemaRegistry(config(Map.of()));
                    start.await();
                    // The shared subject first, so that its first registrations really race.
                    int id = registry.register(shared, AttendanceEvent.getClassSchema());
                    for (int i = 0; i < 4; i++) {
                        registry.register("own-" + run + "-" + client + "-" + i + "-value",
                                SchemaBuilder.record("Own" + i).fields().requiredString("f" + client).endRecord());
                    }
                    return id;
                }));
            }
            start.countDown();
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> id : sharedIds) {
                ids.add(id.get(2, TimeUnit.MINUTES));
            }
            assertThat(ids).as("one schema, one id, for every client").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("/subjects/" + shared + "/versions")).isEqualTo("[1]");
    }

    @Test
    void withoutAutoRegisterAnUnknownSubjectIsRefused() {
        var serializer = new ConfluentAvroSerializer<AttendanceEvent>();
        serializer.configure(configs(Map.of(RegistryConfig.AUTO_REGISTER_SCHEMAS, "false")), false);

        assertThatThrownBy(() -> serializer.serialize("unregistered-" + UUID.randomUUID(), Fixtures.attendance("e")))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() {
        String topic = "latest-" + UUID.randomUUID();
        int id = new HttpSchemaRegistry(config(Map.of())).register(topic + "-value", AttendanceEvent.getClassSchema());
        var serializer = new ConfluentAvroSerializer<AttendanceEvent>();
        serializer.configure(configs(Map.of(RegistryConfig.AUTO_REGISTER_SCHEMAS, "false",
                RegistryConfig.USE_LATEST_VERSION, "true")), false);

        byte[] bytes = serializer.serialize(topic, Fixtures.attendance("e"));

        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void theRegistryRefusesABackwardIncompatibleSchema() {
        String subject = "compat-" + UUID.randomUUID() + "-value";
        HttpSchemaRegistry registry = new HttpSchemaRegistry(config(Map.of()));
        registry.register(subject, SchemaBuilder.record("Thing").fields().requiredString("a").endRecord());
        put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");

        Schema breaking = SchemaBuilder.record("Thing").fields().requiredString("a").requiredString("b").endRecord();

        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
    }

    @Test
    void aRegistryThatIsDownGivesAClearRetriableError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var serializer = new ConfluentAvroSerializer<AttendanceEvent>();
        serializer.configure(Map.of(RegistryConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort,
                RegistryConfig.REQUEST_TIMEOUT_MS, "2000"), false);

        assertThatThrownBy(() -> serializer.serialize("down", Fixtures.attendance("e")))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("unreachable").hasMessageContaining(String.valueOf(closedPort));
    }

    private static RegistryConfig config(Map<String, String> extra) {
        return RegistryConfig.from(configs(extra));
    }

    private static Map<String, Object> configs(Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(RegistryConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
        return configs;
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                // Configured by class name, the way a deployment would swap in Confluent's KafkaAvroSerializer.
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class.getName(),
                RegistryConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class.getName(),
                RegistryConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
    }

    private static String get(String path) {
        return call(HttpRequest.newBuilder(URI.create(endpoints.schemaRegistryUrl() + path)).GET());
    }

    private static void put(String path, String json) {
        call(HttpRequest.newBuilder(URI.create(endpoints.schemaRegistryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
