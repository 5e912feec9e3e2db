package dev.accrue.cli;

import dev.accrue.infra.launcher.ServiceClients;
import java.util.Comparator;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaCluster;
import dev.accrue.infra.launcher.LocalProcesses;
import dev.accrue.infra.launcher.ServiceFleet;
import dev.accrue.infra.launcher.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./accrue} launcher. {@code supervise} runs the local stack and the three services
 * until it is stopped (the script backgrounds it for {@code up}); {@code demo} does the same in
 * the foreground and streams a generated workload through the public APIs; {@code bench} runs the
 * benchmarks. Children exit with this JVM, so stopping it stops everything it started.
 */
public final class AccrueCli {

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "supervise" -> supervise(brokers(options));
            case "demo" -> demo(DemoOptions.parse(options));
            default -> {
                System.err.println("usage: ./accrue up [--brokers N] | down | demo [--licensees N] [--days D] [--exit] | bench"
                        + " | reliability [--quick]");
                System.exit(2);
            }
        }
    }

    /** Starts everything, writes the ready banner for {@code ./accrue up}, and waits to be stopped. */
    private static void supervise(int brokers) throws Exception {
        RunningSystem system = RunningSystem.start(brokers);
        Files.writeString(system.stateDir().resolve("ready"), system.banner());
        CountDownLatch stopped = new CountDownLatch(1); // counted down by nothing: runs until SIGTERM (the shutdown hook)
        while (!stopped.await(5, TimeUnit.SECONDS)) {
            // A service exits on OutOfMemoryError (-XX:+ExitOnOutOfMemoryError); start it again, like an orchestrator.
            system.fleet().restartExited().forEach(service -> Console.step("Restarted " + service.module() + ", which had exited"));
        }
    }

    private static void demo(DemoOptions options) throws Exception {
        RunningSystem system = RunningSystem.start(1);
        System.out.println(system.banner());
        DemoReport report = new DemoWorkload(options, system.clients()).run();
        System.out.println(report.render());
        System.out.println("Dashboard: " + system.fleet().url(ServiceFleet.Service.SEARCH) + "/  (API key " + DevKeys.ANALYST + ")");
        if (options.exit()) {
            System.exit(0); // the shutdown hook stops everything
        }
        System.out.println("The stack stays up; press Ctrl-C to stop it.");
        new CountDownLatch(1).await();
    }

    /** {@code --brokers N}: Kafka as an N-node cluster (replication N, min.insync.replicas a majority); 1 by default. */
    private static int brokers(List<String> options) {
        int at = options.indexOf("--brokers");
        if (at < 0) {
            return 1;
        }
        if (at + 1 >= options.size() || !options.get(at + 1).matches("[1-9]")) {
            System.err.println("--brokers takes a node count from 1 to 9");
            System.exit(2);
        }
        return Integer.parseInt(options.get(at + 1));
    }

    /** The local stack plus the services, stopped together by a shutdown hook. */
    record RunningSystem(Endpoints endpoints, ServiceFleet fleet, Path stateDir) {

        static RunningSystem start(int brokers) throws IOException {
            StackLayout layout = StackLayout.locate();
            Path stateDir = layout.root().resolve(".accrue");
            Path dataDir = stateDir.resolve("data");
            deleteRecursively(dataDir); // every run starts from empty topics and indices
            Files.createDirectories(dataDir);
            LocalProcesses stack = new LocalProcesses(layout, LocalProcesses.Ports.standard(), dataDir, false);
            KafkaCluster cluster = brokers > 1 ? new KafkaCluster(layout, dataDir.resolve("kafka-cluster"), brokers, 9092) : null;
            ServiceFleet fleet = ServiceFleet.standardPorts(layout);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                if (cluster != null) {
                    cluster.close();
                }
                stack.close();
            }, "accrue-stop"));
            Console.step("Starting Kafka" + (cluster == null ? "" : " as a " + brokers + "-node cluster")
                    + ", the schema registry and Elasticsearch");
            Endpoints endpoints;
            if (cluster == null) {
                endpoints = stack.start(EnumSet.allOf(Component.class));
            } else {
                Endpoints others = stack.start(EnumSet.of(Component.SCHEMA_REGISTRY, Component.ELASTICSEARCH));
                cluster.start();
                endpoints = new Endpoints(cluster.bootstrapServers(), others.schemaRegistryUrl(), others.elasticsearchUrl());
            }
            Console.step("Starting ingest, credit and search services");
            fleet.start(endpoints, dataDir, List.of(ServiceFleet.Service.values()),
                    cluster == null ? List.of() : cluster.serviceJvmArgs());
            return new RunningSystem(endpoints, fleet, stateDir);
        }

        ServiceClients clients() {
            return new ServiceClients(fleet);
        }

        String banner() {
            Endpoints e = endpoints;
            return String.join("\n",
                    "Accrue is up.",
                    "  ingest   " + fleet.url(ServiceFleet.Service.INGEST) + "   (Swagger UI: /swagger-ui.html)",
                    "  credit   " + fleet.url(ServiceFleet.Service.CREDIT),
                    "  search   " + fleet.url(ServiceFleet.Service.SEARCH) + "   (dashboard: /)",
                    "  kafka    " + e.kafkaBootstrapServers(),
                    "  registry " + e.schemaRegistryUrl(),
                    "  elastic  " + e.elasticsearchUrl(),
                    "Development API keys (local profile only):",
                    "  ADMIN              " + DevKeys.ADMIN,
                    "  ANALYST            " + DevKeys.ANALYST,
                    "  PROVIDER acme      " + DevKeys.PROVIDER_ACME,
                    "  PROVIDER northwind " + DevKeys.PROVIDER_NORTHWIND,
                    "Logs: " + stateDir.resolve("data/logs"),
                    "");
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private AccrueCli() {
    }
}
