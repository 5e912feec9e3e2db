package dev.accrue.reliability;

import dev.accrue.bench.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.BiFunction;

/**
 * Breaks real processes under load and reports what each scenario saw: {@code ./accrue reliability}
 * runs the full suite and writes RELIABILITY.md; {@code --quick} (what CI runs, through
 * {@code ReliabilityIT}) shortens outages and load. Each scenario runs on its own fresh stack, so
 * one scenario's damage never explains another's figures.
 *
 * <p>Arguments: {@code [--quick] [--out FILE] [--seed N]}.
 */
public final class ReliabilitySuite {

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("broker", 1, BrokerKill::onlyBroker),
            new Scenario("credit", 1, CreditKills::run),
            new Scenario("outages", 1, Outages::run),
            new Scenario("hostile", 1, HostileCorpus::run),
            new Scenario("two-instances", 1, TwoInstances::run),
            new Scenario("poison", 1, PoisonRecords::run),
            new Scenario("cluster", 3, BrokerKill::oneOfThree));

    private record Scenario(String name, int brokers, BiFunction<Rig, Settings, ScenarioResult> body) {
    }

    public static void main(String[] args) {
        boolean quick = false;
        Path out = Path.of("RELIABILITY.md");
        long seed = 20261202L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (use --quick, --out FILE, --seed N)");
            }
        }
        String command = "./accrue reliability" + (quick ? " --quick" : "") + " --seed " + seed;
        // Logs and data under the launcher's own state folder (.accrue/, ignored by git), not beside the report.
        Path workDir = Path.of(System.getProperty("accrue.root", ".")).toAbsolutePath().resolve(".accrue");
        List<ScenarioResult> results = run(quick ? Settings.quick(seed) : Settings.full(seed), workDir);
        ReliabilityReport.write(out, command, results);
        Progress.step("Wrote %s", out);
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    /** Runs every scenario, one stack per Kafka shape under {@code workDir/reliability-work}, and returns their results in order. */
    public static List<ScenarioResult> run(Settings settings, Path workDir) {
        List<ScenarioResult> results = new ArrayList<>();
        Map<Integer, List<Scenario>> byShape = SCENARIOS.stream()
                .collect(Collectors.groupingBy(Scenario::brokers, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<Scenario>> shape : byShape.entrySet()) {
            Path dir = scenarioDir(workDir, shape.getKey() == 1 ? "single-broker" : shape.getKey() + "-node-cluster");
            int before = results.size();
            try (Rig rig = new Rig(dir, shape.getKey())) {
                for (Scenario scenario : shape.getValue()) {
                    Progress.step("Scenario %d of %d: %s", results.size() + 1, SCENARIOS.size(), scenario.name());
                    results.add(runOne(rig, scenario, settings, dir));
                }
            } catch (RuntimeException e) {
                // The stack itself would not start: every scenario on it is reported as failed.
                shape.getValue().subList(results.size() - before, shape.getValue().size())
                        .forEach(s -> results.add(notFinished(s, dir, e)));
            }
        }
        return results;
    }

    private static ScenarioResult runOne(Rig rig, Scenario scenario, Settings settings, Path dir) {
        ScenarioResult result;
        try {
            result = scenario.body().apply(rig, settings);
        } catch (RuntimeException e) {
            // A scenario that could not finish is a failed scenario, reported with the others.
            result = notFinished(scenario, dir, e);
        }
        Progress.step("%s: %s", result.name(), result.passed() ? "held" : "FAILED " + result.failures());
        rig.heal();
        return result;
    }

    private static ScenarioResult notFinished(Scenario scenario, Path dir, RuntimeException e) {
        return new ScenarioResult(scenario.name(), "did not finish", 0, 0, 0, 0, 0, List.of("logs: " + dir),
                List.of(e.toString()));
    }

    private static Path scenarioDir(Path workDir, String name) {
        try {
            return Files.createDirectories(workDir.resolve("reliability-work").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReliabilitySuite() {
    }
}
