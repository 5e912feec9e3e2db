package dev.accrue.bench;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaCluster;
import dev.accrue.infra.launcher.LocalProcesses;
import dev.accrue.infra.launcher.ServiceFleet;
import dev.accrue.infra.launcher.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fresh local stack for one benchmark, and the services it starts; closing it stops them all
 * and deletes the data, so benchmarks never measure each other's leftovers.
 */
public final class BenchContext implements AutoCloseable {

    private static final int ATTEMPTS = 3;

    private final StackLayout layout = StackLayout.locate();
    private final LocalProcesses stack;
    private final KafkaCluster cluster;
    /** Fleets may be started from several threads at once (instances of one service that should join together). */
    private final List<ServiceFleet> fleets = new CopyOnWriteArrayList<>();
    private final Endpoints endpoints;
    private final Path logDir;

    /**
     * Starts the stack on free ports. A free port can be taken by another process before the
     * component binds it (the machine is shared), so a start that fails on a port in use is retried
     * on other ports; any other failure is not.
     */
    public BenchContext(Path logDir) {
        this(logDir, 1);
    }

    /**
     * As {@link #BenchContext(Path)}, with Kafka as a cluster of {@code brokers} nodes when more than one:
     * every topic, the services' own included, then has {@code brokers} replicas.
     */
    public BenchContext(Path logDir, int brokers) {
        this.logDir = logDir;
        Progress.step("Starting a fresh local stack (Kafka%s, schema registry, Elasticsearch)",
                brokers > 1 ? " as a " + brokers + "-node cluster" : "");
        Started started = startStack(layout, brokers > 1 ? EnumSet.of(Component.SCHEMA_REGISTRY, Component.ELASTICSEARCH)
                : EnumSet.allOf(Component.class));
        this.stack = started.stack();
        if (brokers > 1) {
            this.cluster = new KafkaCluster(layout, logDir.resolve("kafka-cluster"), brokers);
            cluster.start();
            this.endpoints = new Endpoints(cluster.bootstrapServers(), started.endpoints().schemaRegistryUrl(),
                    started.endpoints().elasticsearchUrl());
        } else {
            this.cluster = null;
            this.endpoints = started.endpoints();
        }
    }

    private record Started(LocalProcesses stack, Endpoints endpoints) {
    }

    private static Started startStack(StackLayout layout, Set<Component> components) {
        for (int attempt = 1; ; attempt++) {
            LocalProcesses candidate = new LocalProcesses(layout, LocalProcesses.Ports.ephemeral());
            try {
                return new Started(candidate, candidate.start(components));
            } catch (RuntimeException e) {
                candidate.close();
                if (attempt == ATTEMPTS || !portInUse(e)) {
                    throw e;
                }
                Progress.step("A port was taken before the stack bound it; starting again on other ports");
            }
        }
    }

    private static boolean portInUse(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Address already in use") || message.contains("already in use");
    }

    StackLayout layout() {
        return layout;
    }

    /** The Kafka cluster, when this context started one; null otherwise. */
    public KafkaCluster cluster() {
        return cluster;
    }

    /** The infrastructure's processes, for fault tests that kill and restart a component. */
    public LocalProcesses stack() {
        return stack;
    }

    public Path logDir() {
        return logDir;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Starts the given services on free ports with the benchmark's 512 MB heap, and waits until they are healthy. */
    ServiceFleet fleet(List<ServiceFleet.Service> services) {
        return fleet(services, List.of());
    }

    /**
     * As {@link #fleet(List)}, with extra JVM arguments (a later {@code -D} overrides the fleet's own).
     * With {@code -Daccrue.bench.jfr=true} every service records a JFR profile into {@code <logDir>/jfr/}
     * (one file per process, named by its pid), to see where a benchmark's time goes.
     */
    public ServiceFleet fleet(List<ServiceFleet.Service> services, List<String> extraJvmArgs) {
        Progress.step("Starting " + services.stream().map(ServiceFleet.Service::module).toList() + " (-Xmx512m)");
        List<String> jvmArgs = new ArrayList<>(cluster == null ? List.of() : cluster.serviceJvmArgs());
        jvmArgs.addAll(extraJvmArgs);
        if (Boolean.getBoolean("accrue.bench.jfr")) {
            jvmArgs.add(profiling());
        }
        for (int attempt = 1; ; attempt++) {
            ServiceFleet fleet = ServiceFleet.ephemeralPorts(layout);
            fleets.add(fleet);
            try {
                fleet.start(endpoints, logDir, services, jvmArgs);
                return fleet;
            } catch (RuntimeException e) {
                fleet.close();
                fleets.remove(fleet);
                if (attempt == ATTEMPTS || !portInUse(e)) {
                    throw e;
                }
                Progress.step("A service's port was taken before it bound it; starting again on other ports");
            }
        }
    }

    private String profiling() {
        try {
            Path dir = Files.createDirectories(logDir.resolve("jfr"));
            Progress.step("Recording JFR profiles of the services to %s", dir);
            return "-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=2ms,dumponexit=true,filename=" + dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's console log (the fleet writes it to {@code <logDir>/logs/<module>.log}). */
    Path logFile(ServiceFleet.Service service) {
        return logDir.resolve("logs").resolve(service.module() + ".log");
    }

    @Override
    public void close() {
        fleets.forEach(ServiceFleet::close);
        if (cluster != null) {
            cluster.close();
        }
        stack.close();
        deleteStreamsState();
    }

    /** The credit service's Kafka Streams state belongs to this run's cluster only. */
    private void deleteStreamsState() {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(logDir)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("credit-streams-")).toList()) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            System.err.println("Could not delete credit streams state under " + logDir + ": " + e.getMessage());
        }
    }
}
