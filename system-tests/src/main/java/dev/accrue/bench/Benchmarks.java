package dev.accrue.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the benchmarks and writes BENCHMARKS.md: {@code ./accrue bench [--scale F] [--runs N] [name...]}, where
 * the names are those below (all when none is given), {@code --scale} multiplies every
 * benchmark's size and {@code --runs} sets how many runs make a figure of those measured once per run (both for a
 * quick try; the report says which sizes ran, and fewer than 3 runs give no meaningful range). Each one gets a fresh
 * local stack. Figures come from this program only; the file is never edited by hand. A benchmark
 * that fails gets a section saying so, and the others still run.
 */
public final class Benchmarks {

    /**
     * A benchmark by its command-line name: its title, how to run it at a scale, and how many times to run it, each
     * on a fresh stack: benchmarks that measure in rounds inside one run (ingest, indexing, analytics, the rules
     * engine) run once; the others run {@link #RUNS} times and their figures are combined by the median.
     */
    private record Entry(String title, Runner runner, int runs) {
    }

    static final int RUNS = 3;

    @FunctionalInterface
    private interface Runner {
        BenchmarkReport run(Path logs, double scale) throws Exception;
    }

    private static Path root;

    private static final Map<String, Entry> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put(IngestBenchmark.KEY, new Entry(IngestBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new IngestBenchmark(context, sized(300_000, scale)).run();
            }
        }, 1));
        BENCHMARKS.put(CreditBenchmark.KEY, new Entry(CreditBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new CreditBenchmark(context, sized(200_000, scale)).run();
            }
        }, RUNS));
        BENCHMARKS.put(IndexingBenchmark.KEY, new Entry(IndexingBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new IndexingBenchmark(context, sized(180_000, scale)).run();
            }
        }, 1));
        BENCHMARKS.put(LatencyBenchmark.KEY, new Entry(LatencyBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new LatencyBenchmark(context, Duration.ofSeconds(Math.max(5, sized(30, scale)))).run();
            }
        }, RUNS));
        BENCHMARKS.put(PipelineBenchmark.KEY, new Entry(PipelineBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new PipelineBenchmark(context, Duration.ofSeconds(Math.max(10, sized(120, scale))),
                        Math.max(500, sized(2_000, scale))).run();
            }
        }, RUNS));
        BENCHMARKS.put(ScaleOutBenchmark.KEY, new Entry(ScaleOutBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                // Twice the credit benchmark's events: the second instance must join while there is work left.
                return new ScaleOutBenchmark(context, sized(400_000, scale)).run();
            }
        }, RUNS));
        BENCHMARKS.put(AnalyticsBenchmark.KEY, new Entry(AnalyticsBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new AnalyticsBenchmark(context, sized(1_000_000, scale), sized(5_000_000, scale),
                        Math.max(6, sized(30, scale))).run();
            }
        }, 1));
        BENCHMARKS.put(MemoryBenchmark.KEY, new Entry(MemoryBenchmark.TITLE, (logs, scale) -> {
            try (BenchContext context = new BenchContext(logs)) {
                return new MemoryBenchmark(context, Math.max(20, sized(300, scale)), Math.max(12, sized(60, scale))).run();
            }
        }, RUNS));
        BENCHMARKS.put(RulesEngineBenchmark.KEY, new Entry(RulesEngineBenchmark.TITLE, (logs, scale) ->
                new RulesEngineBenchmark(root, logs).run(), 1));
    }

    public static void main(String[] args) throws Exception {
        double scale = 1.0;
        Integer runs = null;
        boolean check = false;
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--scale") && i + 1 < args.length) {
                scale = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--check")) {
                check = true;
            } else if (BENCHMARKS.containsKey(args[i])) {
                selected.add(args[i]);
            } else {
                System.err.println("Unknown benchmark '" + args[i] + "'. Usage: ./accrue bench [--check] [--scale F] [--runs N] ["
                        + String.join("|", BENCHMARKS.keySet()) + "]...");
                System.exit(2);
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(BENCHMARKS.keySet());
        }
        root = Path.of(System.getProperty("accrue.root", ".")).toAbsolutePath().normalize();
        // One lock per machine, not per checkout: runs from two checkouts would measure each other just the same.
        try (FileChannel lock = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "accrue-bench.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = exclusively(lock)) {
            List<BenchmarkReport> reports = run(selected, scale, runs, check);
            if (check) {
                List<BenchCheck.Line> lines = BenchCheck.compare(Files.readString(root.resolve("BENCHMARKS.md")), reports);
                System.out.print(BenchCheck.print(lines));
                if (lines.stream().anyMatch(BenchCheck.Line::missed)) {
                    System.exit(1);
                }
            }
        }
    }

    /**
     * Two benchmark runs at once would measure each other, so a run waits for the one before it
     * (the lock is the operating system's, released even when a run is killed).
     */
    private static FileLock exclusively(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            Progress.step("Another ./accrue bench is running on this machine; waiting for it to finish");
            lock = channel.lock();
        }
        return lock;
    }

    /**
     * Runs the benchmarks and writes their sections into BENCHMARKS.md, or, for a check, into
     * .accrue/bench-check.md, leaving the committed figures as they are.
     */
    private static List<BenchmarkReport> run(List<String> selected, double scale, Integer runsAsked, boolean check)
            throws Exception {
        // A folder per run: two runs at once (say, comparing builds) must not share logs or the services' jar copies.
        Path logs = root.resolve(".accrue/bench-logs").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-" + ProcessHandle.current().pid());
        Files.createDirectories(logs);
        Progress.step("Logs of this run: %s", logs);
        Progress.step("Measuring the build of %s", revision()); // fixed at the start: the services' jars are built already
        Path output = check ? root.resolve(".accrue/bench-check.md") : root.resolve("BENCHMARKS.md");
        long started = System.nanoTime();
        List<BenchmarkReport> reports = new ArrayList<>();
        for (String key : selected) {
            Entry entry = BENCHMARKS.get(key);
            Progress.step("=== %s (./accrue bench %s) ===", entry.title(), key);
            long start = System.nanoTime();
            BenchmarkReport report;
            try {
                List<BenchmarkReport> runs = new ArrayList<>();
                int times = runsAsked != null && entry.runs() > 1 ? runsAsked : entry.runs();
                for (int run = 1; run <= times; run++) {
                    if (times > 1) {
                        Progress.step("--- %s: run %d of %d, on a fresh stack ---", key, run, times);
                    }
                    runs.add(entry.runner().run(logs, scale));
                }
                report = BenchmarkReport.ofRounds(runs);
            } catch (Exception | Error e) {
                System.out.println();
                Progress.step("%s failed: %s (service logs in %s)", key, e, logs.resolve("logs"));
                e.printStackTrace(System.out);
                report = BenchmarkReport.failed(key, entry.title(), "./accrue bench " + key, machine(), e);
            }
            if (scale != 1.0) {
                report = withNote(report, String.format("Run at `--scale %s` of the default sizes.", scale));
            }
            if (runsAsked != null && entry.runs() > 1) {
                report = withNote(report, String.format("Run with `--runs %d` instead of %d.", runsAsked, entry.runs()));
            }
            reports.add(report);
            String existing = Files.exists(output) ? Files.readString(output) : "";
            Files.writeString(output, BenchmarkReport.document(List.copyOf(BENCHMARKS.keySet()), existing, List.of(report)));
            Progress.step("%s done in %.0f s; %s updated", key, Progress.elapsed(start), output);
        }
        deleteJarCopies(logs);
        System.out.println();
        reports.forEach(r -> System.out.print(r.section()));
        Progress.step("All done in %.1f min", Progress.elapsed(started) / 60);
        return reports;
    }

    /** The fleet runs the services from copies under the work folder; they are 100+ MB each and not needed after the run. */
    private static void deleteJarCopies(Path logs) {
        Path jars = logs.resolve("jars");
        if (Files.isDirectory(jars)) {
            try (var files = Files.list(jars)) {
                for (Path jar : files.toList()) {
                    Files.deleteIfExists(jar);
                }
                Files.deleteIfExists(jars);
            } catch (IOException e) {
                System.err.println("Could not delete " + jars + ": " + e.getMessage());
            }
        }
    }

    private static BenchmarkReport withNote(BenchmarkReport report, String note) {
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(note);
        return new BenchmarkReport(report.key(), report.title(), report.method(), report.command(), report.rows(),
                List.copyOf(notes), report.measured());
    }

    private static String revision;

    /**
     * The commit measured, and the modules with uncommitted changes (the services run from what the
     * working tree built), e.g. {@code commit 7b0f2a1 + uncommitted changes in credit-service}.
     */
    static synchronized String revision() {
        if (revision == null) {
            String commit = git("rev-parse", "--short", "HEAD").strip();
            Set<String> dirty = new TreeSet<>();
            for (String line : git("status", "--porcelain", "--untracked-files=no").split("\n")) {
                if (line.length() > 3) {
                    String path = line.substring(3).strip();
                    if (!path.startsWith("system-tests/src/main/java/dev/accrue/bench") && !path.equals("BENCHMARKS.md")) {
                        dirty.add(path.contains("/") ? path.substring(0, path.indexOf('/')) : path);
                    }
                }
            }
            revision = commit.isEmpty() ? "an unknown commit" : "commit " + commit
                    + (dirty.isEmpty() ? "" : " + uncommitted changes in " + String.join(", ", dirty));
        }
        return revision;
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static int sized(int defaultSize, double scale) {
        return Math.max(1, (int) Math.round(defaultSize * scale));
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%d cores, %d GiB RAM, Java %s (%s), %s %s", runtime.availableProcessors(),
                totalMemoryGiB(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static long totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / (1024.0 * 1024.0));
                }
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return -1;
    }

    private Benchmarks() {
    }
}
