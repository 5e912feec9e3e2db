package dev.accrue.stack.cli;

import dev.accrue.stack.Endpoints;
import dev.accrue.stack.ManagedProcess;
import dev.accrue.stack.Probes;
import dev.accrue.stack.StackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three Accrue services as separate processes on their documented ports, in the {@code local}
 * profile (development keys, short timers), pointed at the local stack.
 */
final class ServiceFleet implements AutoCloseable {

    enum Service {
        INGEST("ingest-service", 8080), CREDIT("credit-service", 8082), SEARCH("search-service", 8083);

        final String module;
        final int port;

        Service(String module, int port) {
            this.module = module;
            this.port = port;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final List<ManagedProcess> running = new ArrayList<>();

    /** Starts every service in parallel and waits until each reports healthy. */
    void start(StackLayout layout, Endpoints endpoints, Path logDir) {
        for (Service service : Service.values()) {
            running.add(ManagedProcess.startJava(service.module, logDir, List.of(
                    "-Xmx512m",
                    "-Dspring.profiles.active=local",
                    "-Dserver.port=" + service.port,
                    "-Dspring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                    "-Dspring.kafka.properties.schema.registry.url=" + endpoints.schemaRegistryUrl(),
                    "-Daccrue.elasticsearch.url=" + endpoints.elasticsearchUrl()),
                    List.of("-jar", jar(layout, service).toString())));
        }
        for (int i = 0; i < running.size(); i++) {
            Service service = Service.values()[i];
            running.get(i).awaitReady(() -> Probes.httpOk(service.url() + "/actuator/health"), Duration.ofMinutes(3));
        }
    }

    List<Long> pids() {
        return running.stream().map(ManagedProcess::pid).toList();
    }

    @Override
    public void close() {
        running.parallelStream().forEach(ManagedProcess::stop);
        running.clear();
    }

    private static Path jar(StackLayout layout, Service service) {
        Path jar = layout.root().resolve(service.module).resolve("target").resolve(service.module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -q install -DskipTests");
        }
        return jar;
    }
}
