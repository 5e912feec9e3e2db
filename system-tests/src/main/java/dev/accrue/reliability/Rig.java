package dev.accrue.reliability;

import dev.accrue.bench.BenchContext;
import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Sampler;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Probes;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The system under fault: a fresh local stack and the three services as separate processes, as
 * {@code ./accrue up} runs them, plus the clients a scenario uses to load it and to look inside.
 * Scenarios share a rig; {@link #heal()} brings back what one left stopped.
 */
final class Rig implements AutoCloseable {

    final BenchContext context;
    final BenchKafka kafka;
    final ServiceFleet fleet;
    final ServiceClients clients;
    final Catalog catalog;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A stack whose Kafka is {@code brokers} nodes (1: the single broker of {@code ./accrue up}). */
    Rig(Path workDir, int brokers) {
        this.context = new BenchContext(workDir, brokers);
        try {
            this.kafka = new BenchKafka(context.endpoints(), (short) brokers);
            kafka.createAccrueTopics();
            this.fleet = context.fleet(List.of(ServiceFleet.Service.values()), List.of());
        } catch (RuntimeException e) {
            context.close(); // a half-built rig must not leave its stack running
            throw e;
        }
        this.clients = new ServiceClients(fleet);
        this.catalog = new Catalog(clients);
    }

    void kill(Component component) {
        context.stack().kill(component);
    }

    /** Starts a killed or stopped component again, on its port and with its data, and waits until it is ready. */
    void restart(Component component) {
        context.stack().start(Set.of(component));
    }

    void kill(ServiceFleet.Service service) {
        fleet.kill(service);
    }

    void restart(ServiceFleet.Service service) {
        fleet.start(context.endpoints(), context.logDir(), List.of(service), List.of());
    }

    /**
     * Brings back whatever a scenario left stopped or killed (it may have failed half-way), so the
     * next scenario on this rig starts from a whole system.
     */
    void heal() {
        if (context.cluster() != null) {
            context.cluster().start();
            context.stack().start(EnumSet.of(Component.SCHEMA_REGISTRY, Component.ELASTICSEARCH));
        } else {
            context.stack().start(EnumSet.allOf(Component.class));
        }
        for (ServiceFleet.Service service : ServiceFleet.Service.values()) {
            if (!fleet.isRunning(service)) {
                restart(service);
            }
        }
    }

    /** What is wrong with the services' health now: one line per service that does not answer healthy. */
    List<String> unhealthy(String after) {
        List<String> problems = new ArrayList<>();
        for (ServiceFleet.Service service : ServiceFleet.Service.values()) {
            if (!Probes.httpOk(fleet.url(service) + "/actuator/health")) {
                problems.add(service.module() + " is not healthy after " + after);
            }
        }
        return problems;
    }

    /** Documents in the index whose {@code field} equals {@code value} (0 while Elasticsearch does not answer). */
    long count(String index, String field, String value) {
        String query = "{\"query\":{\"term\":{\"" + field + "\":\"" + value + "\"}}}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(context.endpoints().elasticsearchUrl() + "/" + index + "/_count"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            return ServiceClients.JSON.readTree(response.body()).path("count").asLong();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every record on the topic is committed by the consumer group. */
    void awaitConsumed(String group, String topic, Duration timeout) {
        await(group + " has consumed " + topic, timeout, () -> kafka.lag(group, topic) == 0);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            Sampler.await(what, timeout, condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            context.close();
        }
    }
}
