package dev.accrue.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that owns how the real local infrastructure starts, becomes ready and stops:
 * a KRaft Kafka broker, an Apicurio registry serving the Confluent API, and an Elasticsearch
 * node, each its own JVM on loopback, built from Maven Central artifacts by the modules under
 * {@code infra/}. Components start in parallel; close() stops them and deletes their data.
 */
public final class LocalProcesses implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(LocalProcesses.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Ports for each component; zero-free {@link #ephemeral()} for tests, {@link #standard()} for the demo. */
    public record Ports(int kafka, int kafkaController, int registry, int elasticsearch) {
        public static Ports ephemeral() {
            return new Ports(Probes.freePort(), Probes.freePort(), Probes.freePort(), Probes.freePort());
        }

        public static Ports standard() {
            return new Ports(9092, 9093, 8081, 9200);
        }
    }

    private final StackLayout layout;
    private final Ports ports;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final ProcessGroup<Component> running = new ProcessGroup<>(Component.class);
    private Endpoints endpoints = new Endpoints(null, null, null);

    public LocalProcesses(StackLayout layout, Ports ports) {
        this(layout, ports, tempDir(), true);
    }

    public LocalProcesses(StackLayout layout, Ports ports, Path dataDir, boolean deleteDataOnClose) {
        this.layout = layout;
        this.ports = ports;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    @Override
    public synchronized Endpoints start(Set<Component> components) {
        List<Component> starting = new ArrayList<>();
        for (Component component : components) {
            if (!running.contains(component)) {
                running.add(component, launch(component));
                starting.add(component);
            }
        }
        for (Component component : starting) {
            running.get(component).awaitReady(() -> isReady(component), READY_TIMEOUT);
            endpoints = endpoints.merge(endpointOf(component));
            log.info("{} ready at {}", component, endpoints.require(component));
        }
        return endpoints;
    }

    public synchronized Endpoints endpoints() {
        return endpoints;
    }

    /** Process ids of the running children, so callers (and tests) can check nothing is left behind. */
    public Map<Component, Long> pids() {
        return running.pids();
    }

    @Override
    public void stop(Component component) {
        running.stop(component);
    }

    @Override
    public void kill(Component component) {
        running.kill(component);
    }

    @Override
    public synchronized void close() {
        running.stopAll();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private ManagedProcess launch(Component component) {
        Path logs = dataDir.resolve("logs");
        return switch (component) {
            case KAFKA -> KafkaCluster.launchNode(layout, "kafka", dataDir, ports.kafka(), ports.kafkaController(), List.of());
            case SCHEMA_REGISTRY -> ManagedProcess.startJava("schema-registry", logs,
                    List.of("-Xmx256m", "-XX:+UseSerialGC",
                            "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + ports.registry(),
                            // On disk, like a real registry's store: a restart keeps every schema id that records carry.
                            "-D%prod.quarkus.datasource.jdbc.url=jdbc:h2:file:" + dataDir.resolve("registry").resolve("schemas")
                                    + ";LOCK_TIMEOUT=10000"),
                    List.of("-jar", layout.registryJar().toString()));
            case ELASTICSEARCH -> ManagedProcess.startJava("elasticsearch", logs,
                    List.of("-Xms512m", "-Xmx512m", "-cp", layout.elasticsearchClasspath()),
                    List.of("dev.accrue.infra.elasticsearch.ElasticsearchNodeMain",
                            "--http-port", String.valueOf(ports.elasticsearch()),
                            "--home", dataDir.resolve("elasticsearch").toString()));
        };
    }

    private boolean isReady(Component component) {
        return switch (component) {
            case KAFKA -> Probes.tcpOpen(ports.kafka()) && KafkaReadiness.brokerAnswers(endpointOf(Component.KAFKA).kafkaBootstrapServers());
            case SCHEMA_REGISTRY -> Probes.httpOk(endpointOf(Component.SCHEMA_REGISTRY).schemaRegistryUrl() + "/subjects");
            case ELASTICSEARCH -> Probes.httpOk(endpointOf(Component.ELASTICSEARCH).elasticsearchUrl()
                    + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        };
    }

    private Endpoints endpointOf(Component component) {
        return switch (component) {
            case KAFKA -> new Endpoints("127.0.0.1:" + ports.kafka(), null, null);
            case SCHEMA_REGISTRY -> new Endpoints(null, "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7", null);
            case ELASTICSEARCH -> new Endpoints(null, null, "http://127.0.0.1:" + ports.elasticsearch());
        };
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("accrue-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
