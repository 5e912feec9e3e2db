package dev.accrue.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A KRaft Kafka cluster of several nodes on loopback, each its own process acting as broker and
 * controller, with every topic replicated {@code size} ways and {@code min.insync.replicas} a
 * majority: the shape of a production cluster, small enough for one machine. Fault tests kill a
 * node ({@link #kill}) and bring it back on its data ({@link #start(int)}).
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private record Node(int id, int port, int controllerPort) {
    }

    private final StackLayout layout;
    private final Path dataDir;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, ManagedProcess> running = new TreeMap<>();

    /** A cluster on free ports, for tests. */
    public KafkaCluster(StackLayout layout, Path dataDir, int size) {
        this(layout, dataDir, size, 0);
    }

    /**
     * A cluster whose node n listens on {@code firstPort + 2(n-1)} with its controller on the port after
     * (9092/9093, 9094/9095, 9096/9097 for the launcher); free ports when {@code firstPort} is 0.
     */
    public KafkaCluster(StackLayout layout, Path dataDir, int size, int firstPort) {
        this.layout = layout;
        this.dataDir = dataDir;
        for (int id = 1; id <= size; id++) {
            int port = firstPort == 0 ? Probes.freePort() : firstPort + 2 * (id - 1);
            nodes.add(new Node(id, port, firstPort == 0 ? Probes.freePort() : port + 1));
        }
    }

    /** JVM arguments that make a service replicate its topics, and Kafka Streams its internal ones, across the cluster. */
    public List<String> serviceJvmArgs() {
        return List.of("-Daccrue.topics.replication-factor=" + nodes.size(),
                "-Dspring.kafka.streams.replication-factor=" + nodes.size());
    }

    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** Starts every node that is not running and waits until all of them are in the cluster. */
    public synchronized void start() {
        nodes.forEach(n -> running.computeIfAbsent(n.id(), id -> launch(n)));
        awaitAllNodes();
    }

    /** Starts one node again, on its port and data, and waits until the cluster has every node. */
    public synchronized void start(int nodeId) {
        running.computeIfAbsent(nodeId, id -> launch(nodes.get(id - 1)));
        awaitAllNodes();
    }

    /** Kills one node at once (SIGKILL), as a crashed machine would leave it. */
    public synchronized void kill(int nodeId) {
        ManagedProcess process = running.remove(nodeId);
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public synchronized void close() {
        running.values().parallelStream().forEach(ManagedProcess::stop);
        running.clear();
    }

    private void awaitAllNodes() {
        ManagedProcess any = running.values().iterator().next();
        any.awaitReady(() -> KafkaReadiness.brokersAnswer(bootstrapServers(), nodes.size()), READY_TIMEOUT);
    }

    private ManagedProcess launch(Node node) {
        String voters = nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).collect(Collectors.joining(","));
        return launchNode(layout, "kafka-" + node.id(), dataDir, node.port(), node.controllerPort(),
                List.of("--node-id", String.valueOf(node.id()), "--voters", voters, "--replication", String.valueOf(nodes.size())));
    }

    /** One Kafka node's process, as the single-broker stack and the cluster both start it. */
    static ManagedProcess launchNode(StackLayout layout, String name, Path dataDir, int port, int controllerPort,
                                     List<String> clusterArgs) {
        List<String> args = new ArrayList<>(List.of("dev.accrue.infra.kafka.KafkaBrokerMain",
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--dir", dataDir.resolve(name).toString()));
        args.addAll(clusterArgs);
        return ManagedProcess.startJava(name, dataDir.resolve("logs"),
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", layout.kafkaClasspath()), args);
    }
}
