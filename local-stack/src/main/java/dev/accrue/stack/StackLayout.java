package dev.accrue.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the runnable infrastructure: each runtime is a module under {@code stack/}
 * whose {@code package} phase assembles it. The repository root comes from {@code -Daccrue.root}
 * (set by the build and the launcher), {@code ACCRUE_ROOT}, or the nearest parent folder that
 * has a {@code stack/} folder.
 */
public record StackLayout(Path root) {

    public static StackLayout locate() {
        String configured = System.getProperty("accrue.root", System.getenv("ACCRUE_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return new StackLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("stack/kafka-broker"))) {
                return new StackLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the Accrue repository root; set -Daccrue.root");
    }

    String kafkaClasspath() {
        return classesAndLib(root.resolve("stack/kafka-broker/target"));
    }

    String elasticsearchClasspath() {
        return classesAndLib(root.resolve("stack/elasticsearch-node/target"));
    }

    Path watchdogJar() {
        return requireBuilt(root.resolve("stack/parent-watchdog/target/accrue-parent-watchdog-0.1.0-SNAPSHOT.jar"));
    }

    Path registryJar() {
        return requireBuilt(root.resolve("stack/registry/target/accrue-registry-runner.jar"));
    }

    private String classesAndLib(Path target) {
        requireBuilt(target.resolve("lib"));
        return requireBuilt(target.resolve("classes")) + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    private Path requireBuilt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing; build the local stack first with "
                    + "./mvnw -q package -DskipTests -pl stack/kafka-broker,stack/registry,stack/elasticsearch-node");
        }
        return path;
    }
}
