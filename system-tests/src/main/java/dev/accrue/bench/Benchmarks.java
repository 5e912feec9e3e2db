package dev.accrue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks and writes BENCHMARKS.md ({@code ./accrue bench [name...]}). Each one gets
 * a fresh local stack. Figures come from this program only; the file is never edited by hand.
 */
public final class Benchmarks {

    public static void main(String[] args) throws Exception {
        List<String> selected = List.of(args);
        Path root = Path.of(System.getProperty("accrue.root", "."));
        Path logs = root.resolve(".accrue/bench-logs");
        List<BenchmarkReport> reports = new ArrayList<>();
        if (selected.isEmpty() || selected.contains("ingest")) {
            try (BenchContext context = new BenchContext(logs)) {
                reports.add(new IngestBenchmark(context, 300_000).run());
            }
        }
        String markdown = BenchmarkReport.markdown(reports, machine());
        Files.writeString(root.resolve("BENCHMARKS.md"), markdown);
        System.out.println(markdown);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%d cores, %d GiB RAM, Java %s (%s), %s %s", runtime.availableProcessors(),
                totalMemoryGiB(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static long totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024);
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
