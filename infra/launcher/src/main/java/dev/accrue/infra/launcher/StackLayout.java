package dev.accrue.infra.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the runnable infrastructure: each runtime is a module under {@code infra/}
 * whose {@code package} phase assembles it. The repository root comes from {@code -Daccrue.root}
 * (set by the build and the launcher), {@code ACCRUE_ROOT}, or the nearest parent folder that
 * has an {@code infra/} folder.
 */
public record StackLayout(Path root) {

    public static StackLayout locate() {
        String configured = System.getProperty("accrue.root", System.getenv("ACCRUE_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return new StackLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/kafka-broker"))) {
                return new StackLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the Accrue repository root; set -Daccrue.root");
    }

    String kafkaClasspath() {
        return classesAndLib(root.resolve("infra/kafka-broker/target"));
    }

    String elasticsearchClasspath() {
        return classesAndLib(root.resolve("infra/elasticsearch-node/target"));
    }

    Path watchdogJar() {
        return requireBuilt(root.resolve("infra/watchdog/target/accrue-watchdog-0.1.0-SNAPSHOT.jar"));
    }

    Path registryJar() {
        return requireBuilt(root.resolve("infra/registry/target/accrue-registry-runner.jar"));
    }

    private String classesAndLib(Path target) {
        requireBuilt(target.resolve("lib"));
        return requireBuilt(target.resolve("classes")) + File.pathSeparator + target.resolve("lib") + "/*";
    }

    private Path requireBuilt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing; build the local stack first with "
                    + "./mvnw -q package -DskipTests -pl infra/kafka-broker,infra/registry,infra/elasticsearch-node");
        }
        return path;
    }
}
