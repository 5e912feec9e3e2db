package dev.accrue.infra.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three Accrue services as separate processes, built by the normal build, in the {@code local}
 * profile (development keys, short timers) and pointed at the given infrastructure. Used by the
 * launcher, the end-to-end test and the benchmarks.
 */
public final class ServiceFleet implements AutoCloseable {

    public enum Service {
        INGEST("ingest-service", 8080), CREDIT("credit-service", 8082), SEARCH("search-service", 8083);

        private final String module;
        private final int defaultPort;

        Service(String module, int defaultPort) {
            this.module = module;
            this.defaultPort = defaultPort;
        }

        public String module() {
            return module;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private final StackLayout layout;
    private final Map<Service, Integer> ports;
    private final ProcessGroup<Service> running = new ProcessGroup<>(Service.class);
    private final Map<Service, Runnable> launches = new EnumMap<>(Service.class);
    private volatile boolean closed;

    /** A fleet on the documented ports (8080, 8082, 8083). */
    public static ServiceFleet standardPorts(StackLayout layout) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
        }
        return new ServiceFleet(layout, ports);
    }

    /** A fleet on free ports, for tests that must not collide with a running stack. */
    public static ServiceFleet ephemeralPorts(StackLayout layout) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, Probes.freePort());
        }
        return new ServiceFleet(layout, ports);
    }

    private ServiceFleet(StackLayout layout, Map<Service, Integer> ports) {
        this.layout = layout;
        this.ports = ports;
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /**
     * Starts the services in parallel, with extra JVM arguments, and waits until each reports healthy.
     * Logs go to {@code workDir/logs}; the credit service keeps its Kafka Streams state in
     * {@code workDir/credit-streams-<port>}, so runs on different clusters never share state.
     */
    public synchronized void start(Endpoints endpoints, Path workDir, List<Service> services, List<String> extraJvmArgs) {
        for (Service service : services) {
            launches.put(service, () -> launch(service, endpoints, workDir, extraJvmArgs));
            launches.get(service).run();
        }
        for (Service service : services) {
            running.get(service).awaitReady(() -> Probes.httpOk(url(service) + "/actuator/health"), Duration.ofMinutes(3));
        }
    }

    /**
     * Starts again, as it was started, every service whose process exited by itself: a service exits on
     * OutOfMemoryError rather than stay up serving nothing, and the supervisor brings it back.
     */
    public synchronized List<Service> restartExited() {
        if (closed) {
            return List.of(); // stopping: an exited service is meant to be down
        }
        List<Service> exited = running.exited();
        exited.forEach(service -> launches.get(service).run());
        return exited;
    }

    private void launch(Service service, Endpoints endpoints, Path workDir, List<String> extraJvmArgs) {
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx512m",
                // A JVM out of heap can lose the threads that serve requests and stay up answering nothing: exit instead.
                "-XX:+ExitOnOutOfMemoryError",
                "-Dspring.profiles.active=local",
                "-Dserver.port=" + ports.get(service),
                "-Dspring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                "-Dspring.kafka.properties.schema.registry.url=" + endpoints.schemaRegistryUrl()));
        if (endpoints.elasticsearchUrl() != null) {
            jvm.add("-Daccrue.elasticsearch.url=" + endpoints.elasticsearchUrl());
        }
        if (service == Service.CREDIT) {
            jvm.add("-Dspring.kafka.streams.state-dir=" + workDir.resolve("credit-streams-" + ports.get(service)));
        }
        jvm.addAll(extraJvmArgs);
        // Boot's JarLauncher under the watchdog: the service exits when this JVM does, even on kill -9.
        String classpath = privateCopy(jar(service), workDir) + File.pathSeparator + layout.watchdogJar();
        running.add(service, ManagedProcess.startJava(service.module(), workDir.resolve("logs"), jvm,
                List.of("-cp", classpath, "dev.accrue.infra.watchdog.WatchedMain", BOOT_LAUNCHER)));
    }

    public void start(Endpoints endpoints, Path workDir) {
        start(endpoints, workDir, List.of(Service.values()), List.of());
    }

    /** Process ids, e.g. to sample memory. */
    public Map<Service, Long> pids() {
        return running.pids();
    }

    /** Stops one service, e.g. to restart it mid-stream. */
    public void stop(Service service) {
        running.stop(service);
    }

    /** Whether the service was started and its process is alive. */
    public boolean isRunning(Service service) {
        ManagedProcess process = running.get(service);
        return process != null && process.isAlive();
    }

    /** Kills one service at once (SIGKILL), as a crash would; {@link #start} brings it back. */
    public void kill(Service service) {
        running.kill(service);
    }

    @Override
    public void close() {
        closed = true;
        running.stopAll();
    }

    /** Runs a copy, so a rebuild of the service while it runs cannot pull classes out from under it. */
    /** Synchronized: fleets started from several threads at once copy the same jar to the same place. */
    private static synchronized Path privateCopy(Path jar, Path workDir) {
        try {
            Path copy = Files.createDirectories(workDir.resolve("jars")).resolve(jar.getFileName());
            return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar, e);
        }
    }

    private Path jar(Service service) {
        Path jar = layout.root().resolve(service.module()).resolve("target").resolve(service.module() + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -q install -DskipTests");
        }
        return jar;
    }
}
