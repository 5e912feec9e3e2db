package dev.accrue.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** RELIABILITY.md: written by the suite only, with the command that wrote it and every scenario's figures. */
final class ReliabilityReport {

    static void write(Path file, String command, List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n");
        md.append("Written by `").append(command).append("` on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" at commit ").append(commit()).append(". Do not edit by hand: run the command again.\n\n");
        md.append("The stack runs as `./accrue up` runs it (Kafka, the schema registry, Elasticsearch and the three ")
                .append("services, each its own process): one stack with a single broker for most scenarios, one with a ")
                .append("three-node Kafka cluster for the last. Each scenario breaks one part under load, with ids of its ")
                .append("own, and checks a promise. `sent` counts requests or records sent, `acknowledged` those answered ")
                .append("2xx (or written, for poison records), `found` acknowledged ones present afterwards where they ")
                .append("belong, `duplicated` those present more than once, `lost` acknowledged ones missing.\n\n");
        md.append("| scenario | fault | sent | acknowledged | found | duplicated | lost | result |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format("| %s | %s | %,d | %,d | %,d | %,d | %,d | %s |%n", r.name(), r.fault(), r.sent(),
                    r.acknowledged(), r.found(), r.duplicated(), r.lost(), r.passed() ? "held" : "**failed**"));
        }
        md.append('\n');
        for (ScenarioResult r : results) {
            md.append("## ").append(r.name()).append("\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            r.failures().forEach(f -> md.append("- **failed:** ").append(f.replace("|", "\\|")).append('\n'));
            md.append('\n');
        }
        try {
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "(unknown)";
        } catch (IOException e) {
            return "(unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    private ReliabilityReport() {
    }
}
