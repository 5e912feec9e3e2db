package dev.accrue.infra.kafka;

import dev.accrue.infra.watchdog.ParentWatchdog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Runs one real KRaft Kafka node (broker and controller) for tests and the local demo: alone, or
 * as one of a cluster when {@code --voters} names every node's controller. It writes the
 * server configuration, formats the storage on first start, and then hands over to Kafka's own
 * {@code kafka.Kafka} entry point. With {@code -Daccrue.parent.pid} set, the broker exits when the
 * process that started it exits, so a crashed test run never leaves a broker behind.
 */
public final class KafkaBrokerMain {

    private static final String CLUSTER_ID = "accrue-local-kafka01";

    /**
     * Usage: {@code KafkaBrokerMain --port 9092 --controller-port 9093 --dir /tmp/kafka}; in a cluster also
     * {@code --node-id 2 --voters 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097 --replication 3}, which
     * replicates every topic three ways and acknowledges a write only once two replicas hold it.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "9092"));
        int controllerPort = Integer.parseInt(option(args, "--controller-port", String.valueOf(port + 1)));
        Path dir = Path.of(option(args, "--dir", "target/kafka-data")).toAbsolutePath();
        int partitions = Integer.parseInt(option(args, "--partitions", "3"));
        int nodeId = Integer.parseInt(option(args, "--node-id", "1"));
        String voters = option(args, "--voters", nodeId + "@127.0.0.1:" + controllerPort);
        int replication = Integer.parseInt(option(args, "--replication", "1"));

        Path config = writeConfig(dir, new Node(nodeId, port, controllerPort, voters), partitions, replication);
        formatStorageOnce(dir, config);
        ParentWatchdog.onParentExit("the Kafka broker", () -> System.exit(0));
        Kafka.main(new String[] {config.toString()});
    }

    private record Node(int id, int port, int controllerPort, String voters) {
    }

    private static Path writeConfig(Path dir, Node node, int partitions, int replication) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(node.id()));
        p.setProperty("controller.quorum.voters", node.voters());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("logs").toString());
        p.setProperty("num.partitions", String.valueOf(partitions));
        // A single node can only hold one replica of every topic. A cluster keeps `replication` copies and
        // acknowledges an acks=all write once a majority holds it, so losing one node loses nothing.
        String factor = String.valueOf(replication);
        String minIsr = String.valueOf(replication / 2 + 1);
        p.setProperty("default.replication.factor", factor);
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("offsets.topic.replication.factor", factor);
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", factor);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", factor);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        if (replication > 1) {
            // Fence a dead node after 3 s instead of 9 s, so its partitions' leadership moves on quickly (loopback only).
            p.setProperty("broker.session.timeout.ms", "3000");
            p.setProperty("broker.heartbeat.interval.ms", "500");
        }
        // Tests start consumer groups often; do not make each one wait for late joiners.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Written by KafkaBrokerMain");
        }
        return file;
    }

    private static void formatStorageOnce(Path dir, Path config) {
        if (Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        int rc = StorageTool.execute(
                new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(System.out, true));
        if (rc != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed with code " + rc);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private KafkaBrokerMain() {
    }

    static {
        // Fail fast on a broken classpath rather than with an obscure Scala error later.
        try {
            Class.forName("kafka.Kafka");
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("Kafka server classes are missing from the classpath", e));
        }
    }
}
