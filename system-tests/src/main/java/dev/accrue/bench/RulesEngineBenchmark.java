package dev.accrue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credit rules engine with JMH: credit-service's own benchmarks (in its test classes, with the
 * JMH class path it writes to {@code target/jmh.classpath}), run in a forked JVM. Each benchmark is
 * compared with the in-run baseline of its class: a benchmark method whose name contains
 * "baseline", measured in the same JMH run.
 */
final class RulesEngineBenchmark {

    static final String KEY = "rules";
    static final String TITLE = "Credit rules engine (JMH)";
    static final String PATTERN = "dev\\.accrue\\.credit\\..*";

    private final Path root;
    private final Path logDir;

    RulesEngineBenchmark(Path root, Path logDir) {
        this.root = root;
        this.logDir = logDir;
    }

    /** The command line, as one would type it at the repository root (the result file name is the only difference). */
    private static String command(String resultFile) {
        return "java -cp credit-service/target/test-classes:credit-service/target/classes:$(cat credit-service/target/jmh.classpath) "
                + "org.openjdk.jmh.Main '" + PATTERN + "' -f 1 -wi 2 -i 3 -w 2s -r 2s -rf json -rff " + resultFile;
    }

    /** JMH's results (empty when credit-service was built without its benchmarks) and the benchmarks that failed. */
    record Measured(boolean built, JsonNode results, Map<String, String> failures) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        Path credit = root.resolve("credit-service/target");
        Path classpathFile = credit.resolve("jmh.classpath");
        Path output = logDir.resolve("jmh-rules.json");
        if (!Files.exists(classpathFile) || !Files.exists(credit.resolve("test-classes/META-INF/BenchmarkList"))) {
            Progress.step("credit-service has no JMH benchmarks built (credit-service/target/jmh.classpath or its BenchmarkList is missing)");
            return new Measured(false, null, Map.of());
        }
        Files.createDirectories(logDir);
        Files.deleteIfExists(output);
        String classpath = credit.resolve("test-classes") + ":" + credit.resolve("classes") + ":"
                + Files.readString(classpathFile).strip();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.openjdk.jmh.Main", PATTERN, "-f", "1", "-wi", "2", "-i", "3", "-w", "2s", "-r", "2s",
                "-rf", "json", "-rff", output.toString());
        Progress.step("Running JMH: %s", command(root.relativize(output).toString()));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        Map<String, String> failures = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String current = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("# Benchmark:")) {
                    current = line.substring("# Benchmark:".length()).strip();
                }
                boolean failure = line.contains("<failure>") || line.contains("Exception") || line.contains("ERROR");
                if (failure && current != null) {
                    failures.putIfAbsent(current, line.strip());
                }
                if (line.startsWith("# Benchmark:") || line.startsWith("Iteration") || line.startsWith("Result")
                        || line.startsWith("Benchmark ") || failure) {
                    System.out.println("  | " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || !Files.exists(output)) {
            throw new IllegalStateException("JMH exited with " + exit + " and " + (Files.exists(output) ? "" : "no ") + "result file");
        }
        JsonNode results = BenchElastic.JSON.readTree(output.toFile());
        if (results.size() == 0) {
            throw new IllegalStateException("JMH ran no benchmark matching " + PATTERN + failures.values().stream().findFirst()
                    .map(f -> " (" + f + ")").orElse(""));
        }
        for (JsonNode result : results) {
            failures.remove(result.path("benchmark").asText());
        }

        return new Measured(true, results, failures);
    }

    static BenchmarkReport report(Measured m) {
        BenchmarkReport.Builder report = new BenchmarkReport.Builder(KEY, TITLE);
        if (!m.built()) {
            return report.method("""
                            credit-service's JMH benchmarks run in their own forked JVM from its test classes, with the class
                            path it writes to `credit-service/target/jmh.classpath`; each is compared with the benchmark of
                            its class whose name contains `baseline`, from the same JMH run.""")
                    .note("**Not measured:** `credit-service/target/jmh.classpath` or its compiled JMH benchmarks "
                            + "(`credit-service/target/test-classes/META-INF/BenchmarkList`) do not exist in this build, so there is "
                            + "nothing to run. Build credit-service with its benchmarks (`./mvnw -q -B -DskipTests install`) and rerun.")
                    .build();
        }
        JsonNode results = m.results();
        Map<String, String> failures = m.failures();
        Map<String, JsonNode> baselines = new LinkedHashMap<>();
        for (JsonNode result : results) {
            if (isBaseline(result)) {
                baselines.putIfAbsent(owner(result) + params(result), result);
            }
        }
        report.method("""
                        credit-service's JMH benchmarks (in its test classes, matching `%s`) run in a forked JVM: one fork, 2 warm-up
                        iterations of 2 s, 3 measured iterations of 2 s. Each benchmark is compared with the benchmark of its
                        class whose method name contains `baseline` (with the same parameters), measured in the same run;
                        the ratio is score ÷ baseline score in the benchmark's own mode and unit (for a time per operation,
                        how many times the baseline's time it takes). JMH's error is the 99.9%% confidence half-width; with
                        3 iterations on a shared 2-core machine it is wide."""
                        .formatted(PATTERN))
                .note("The same run by hand, from the repository root: `" + command("jmh-rules.json") + "`.");
        List<String> withoutBaseline = new ArrayList<>();
        for (JsonNode result : results) {
            if (isBaseline(result)) {
                continue;
            }
            JsonNode baseline = baselines.get(owner(result) + params(result));
            String name = shortName(result) + params(result);
            if (baseline == null) {
                withoutBaseline.add(name);
                report.row(name, score(result), confidence(result), "none in its class", "—", "—");
            } else {
                report.row(name, score(result), confidence(result), score(baseline) + " (" + shortName(baseline) + ")",
                        Stats.ratio(result.path("primaryMetric").path("score").asDouble(),
                                baseline.path("primaryMetric").path("score").asDouble()), "—");
            }
        }
        if (!withoutBaseline.isEmpty()) {
            report.note("No in-run baseline (a `baseline…` method in the same class) for: " + String.join(", ", withoutBaseline) + ".");
        }
        failures.forEach((name, error) -> report.note("**Did not run:** `" + name + "`: " + error.replace("|", "\\|")));
        report.note("The issue sets no number for the rules engine; the topology's rate is in the credit section.");
        return report.build();
    }

    private static boolean isBaseline(JsonNode result) {
        String name = result.path("benchmark").asText();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).contains("baseline");
    }

    private static String owner(JsonNode result) {
        String name = result.path("benchmark").asText();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String shortName(JsonNode result) {
        String name = result.path("benchmark").asText();
        String owner = owner(result);
        return owner.substring(owner.lastIndexOf('.') + 1) + "." + name.substring(name.lastIndexOf('.') + 1);
    }

    private static String params(JsonNode result) {
        if (!result.has("params")) {
            return "";
        }
        List<String> params = new ArrayList<>();
        result.path("params").fields().forEachRemaining(e -> params.add(e.getKey() + "=" + e.getValue().asText()));
        return " (" + String.join(", ", params) + ")";
    }

    /** JMH's 99.9% confidence interval of the score over every fork's measured iterations. */
    private static String confidence(JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        JsonNode interval = metric.path("scoreConfidence");
        if (interval.size() != 2) {
            return "—";
        }
        return String.format("%,.3f – %,.3f %s (99.9%% CI, %d forks × %d iterations)", interval.get(0).asDouble(),
                interval.get(1).asDouble(), metric.path("scoreUnit").asText(), result.path("forks").asInt(),
                result.path("measurementIterations").asInt());
    }

    private static String score(JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        double score = metric.path("score").asDouble();
        double error = metric.path("scoreError").asDouble(Double.NaN);
        String unit = metric.path("scoreUnit").asText();
        return Double.isNaN(error) ? String.format("%,.3f %s", score, unit)
                : String.format("%,.3f ± %,.3f %s (%s)", score, error, unit, result.path("mode").asText());
    }
}
