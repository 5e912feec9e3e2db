package dev.accrue.infra.elasticsearch;

import dev.accrue.infra.watchdog.ParentWatchdog;
import org.apache.logging.log4j.LogManager;
import org.elasticsearch.Build;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one real Elasticsearch node as its own process, for tests and the local demo only (the server jars are
 * Elastic License 2.0 / AGPL / SSPL and must never be shipped inside a service). See docs/infra.md.
 */
public final class ElasticsearchNodeMain {

    /** Plugins loaded from the classpath: HTTP/transport over Netty, and the {@code GET /} / {@code HEAD /} handler. */
    static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class, RootInfoPlugin.class);

    private static final Object LOCK = new Object();
    private static Node node;
    private static boolean closed;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    private ElasticsearchNodeMain() {}

    /**
     * Starts the node and blocks until it stops:
     * <pre>
     * java -Xms512m -Xmx512m [-Daccrue.parent.pid=PID] -cp "target/classes:target/lib/*" \
     *      dev.accrue.infra.elasticsearch.ElasticsearchNodeMain --http-port 19200 --home DIR \
     *      [--cluster-name NAME] [--node-name NAME] [-E key=value ...]
     * </pre>
     * With {@code -Daccrue.parent.pid} the node stops and the process exits as soon as that process ends.
     * SIGTERM (or Ctrl-C) closes the node cleanly.
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        // What the ES distribution's system JVM options set; must happen before log4j and Netty load.
        setIfAbsent("log4j.shutdownHookEnabled", "false");
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("log4j2.formatMsgNoLookups", "true");
        setIfAbsent("io.netty.noUnsafe", "true");
        setIfAbsent("io.netty.noKeySetOptimization", "true");
        setIfAbsent("io.netty.recycler.maxCapacityPerThread", "0");

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }

        ParentWatchdog.onParentExit("Elasticsearch", () -> System.exit(0)); // the shutdown hook closes the node
        Runtime.getRuntime().addShutdownHook(new Thread(ElasticsearchNodeMain::shutdown, "accrue-es-shutdown"));

        LogConfigurator.configureESLogging(); // routes org.elasticsearch.logging to log4j (the ES launcher does this)
        LogConfigurator.setClusterName(options.clusterName);
        LogConfigurator.setNodeName(options.nodeName);

        Path home = options.home.toAbsolutePath().normalize();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings.Builder settings = Settings.builder()
            .put("cluster.name", options.clusterName)
            .put("node.name", options.nodeName)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(options.httpPort))
            .put("transport.port", "0")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", "true")
            // This classpath node has no x-pack, ingest-geoip, ML, ... modules: there is nothing else to switch off.
            ;
        options.extraSettings.forEach(settings::put);

        Environment environment = new Environment(settings.build(), null);
        Node started;
        try {
            synchronized (LOCK) {
                if (closed) {
                    return; // shut down while still starting
                }
                node = new ClasspathPluginsNode(environment, PLUGINS);
            }
            started = node.start();
            started.client()
                .admin()
                .cluster()
                .prepareHealth(TimeValue.timeValueSeconds(60))
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(60))
                .get();
        } catch (Throwable e) {
            synchronized (LOCK) {
                if (closed) {
                    return; // failure caused by a shutdown during start
                }
            }
            System.err.println("Elasticsearch node failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        TransportAddress http = started.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        System.out.printf(
            Locale.ROOT,
            "Elasticsearch %s ready on http://%s:%d (cluster \"%s\", node \"%s\", home %s, pid %d, %.1f s)%n",
            Build.current().qualifiedVersion(),
            http.getAddress(),
            http.getPort(),
            options.clusterName,
            options.nodeName,
            home,
            ProcessHandle.current().pid(),
            (System.nanoTime() - t0) / 1e9
        );
        System.out.flush();

        STOPPED.await(); // node threads are daemons: keep the JVM alive until shutdown
    }

    private static void shutdown() {
        Node toClose;
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = node;
        }
        try {
            if (toClose != null) {
                try {
                    toClose.prepareForClose();
                } catch (Exception e) {
                    System.err.println("prepareForClose failed: " + e);
                }
                toClose.close();
                if (toClose.awaitClose(10, TimeUnit.SECONDS) == false) {
                    System.err.println("Elasticsearch node did not close within 10 s");
                }
                System.out.println("Elasticsearch node stopped.");
            }
        } catch (Exception e) {
            System.err.println("Error while stopping Elasticsearch node: " + e);
        } finally {
            STOPPED.countDown();
            LogManager.shutdown();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Command line options. */
    static final class Options {
        static final String USAGE = "usage: ElasticsearchNodeMain --home DIR [--http-port 19200] [--cluster-name accrue]"
            + " [--node-name accrue-es] [-E key=value ...]";

        Path home;
        int httpPort = 19200;
        String clusterName = "accrue";
        String nodeName = "accrue-es";
        final Map<String, String> extraSettings = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (arg.startsWith("-E") && arg.length() > 2) {
                    name = "-E";
                    value = arg.substring(2);
                }
                if (name.equals("-h") || name.equals("--help")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--home" -> o.home = Path.of(value);
                    case "--http-port" -> {
                        try {
                            o.httpPort = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--http-port is not a number: " + value);
                        }
                    }
                    case "--cluster-name" -> o.clusterName = value;
                    case "--node-name" -> o.nodeName = value;
                    case "-E" -> {
                        int kv = value.indexOf('=');
                        if (kv <= 0) {
                            throw new IllegalArgumentException("-E needs key=value, got: " + value);
                        }
                        o.extraSettings.put(value.substring(0, kv), value.substring(kv + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + name);
                }
            }
            if (o.home == null) {
                throw new IllegalArgumentException("--home is required");
            }
            return o;
        }
    }
}
