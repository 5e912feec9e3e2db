package dev.accrue.bench;

import dev.accrue.cli.DemoOptions;
import dev.accrue.cli.DemoReport;
import dev.accrue.cli.DemoWorkload;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's resident memory while the demo workload runs: the peak (the kernel's high-water
 * mark, {@code VmHWM}) against the resident size right after start-up and against the heap limit.
 */
final class MemoryBenchmark {

    static final String KEY = "memory";
    static final String TITLE = "Memory: each service's peak RSS during the demo workload";
    private static final long HEAP_LIMIT = 512L * 1024 * 1024;

    private final BenchContext context;
    private final DemoOptions options;

    MemoryBenchmark(BenchContext context, int licensees, int days) {
        this.context = context;
        this.options = new DemoOptions(licensees, days, true, 42);
    }

    /** Each service's resident set right after start and at its peak, whether it survived, and the demo's outcome. */
    record Measured(Map<ServiceFleet.Service, Long> idle, Map<ServiceFleet.Service, Long> peak,
                    Map<ServiceFleet.Service, Boolean> survived, DemoReport demo) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure(), options);
    }

    Measured measure() throws Exception {
        List<ServiceFleet.Service> services = List.of(ServiceFleet.Service.values());
        ServiceFleet fleet = context.fleet(services);
        Map<ServiceFleet.Service, Long> pids = fleet.pids();
        Map<ServiceFleet.Service, Long> idle = new EnumMap<>(ServiceFleet.Service.class);
        for (ServiceFleet.Service service : services) {
            idle.put(service, status(pids.get(service), "VmRSS"));
        }
        Progress.step("Idle RSS after start: %s", describe(idle));

        Progress.step("Running the demo workload (%d licensees, %d days, as ./accrue demo does)", options.licensees(), options.days());
        DemoReport demo = new DemoWorkload(options, new ServiceClients(fleet)).run();
        Map<ServiceFleet.Service, Long> peak = new EnumMap<>(ServiceFleet.Service.class);
        Map<ServiceFleet.Service, Boolean> survived = new EnumMap<>(ServiceFleet.Service.class);
        for (ServiceFleet.Service service : services) {
            peak.put(service, status(pids.get(service), "VmHWM"));
            boolean alive = ProcessHandle.of(pids.get(service)).map(ProcessHandle::isAlive).orElse(false);
            survived.put(service, alive && !outOfMemory(service));
        }
        Progress.step("Peak RSS: %s", describe(peak));
        return new Measured(idle, peak, survived, demo);
    }

    static BenchmarkReport report(Measured m, DemoOptions options) {
        BenchmarkReport.Builder report = new BenchmarkReport.Builder(KEY, TITLE).method(method(options));
        m.peak().forEach((service, p) -> {
            long i = m.idle().get(service);
            report.row(service.module() + " peak RSS", Stats.mib(p), Stats.mib(i) + " idle after start; heap limit 512 MiB",
                    String.format("%.2f× idle; %.2f× heap limit", (double) p / i, (double) p / HEAP_LIMIT),
                    "runs in a 512 MB heap: " + (m.survived().get(service) ? "met" : "not met"),
                    new Stats.Figure(p / (1024.0 * 1024.0), v -> String.format("%,.0f MiB", v)));
        });
        DemoReport demo = m.demo();
        report.note(String.format("The demo, read back from the services: %,d events accepted, %,d awards, %,d certificates; "
                        + "it settled %.1f s after the last event.", demo.eventsAccepted(), demo.awards(), demo.certificates(),
                demo.settledAfter().toMillis() / 1000.0));
        return report.build();
    }

    private static String method(DemoOptions options) {
        return """
                The three services run as processes (`-Xmx512m`, default collector, profile `local`) on a fresh
                local stack. Right after each reports healthy, its resident set (`VmRSS` in `/proc/<pid>/status`) is
                the idle baseline. Then the launcher's demo workload (`dev.accrue.cli.DemoWorkload`, the
                one `./accrue demo` runs: catalogs of two providers, %d licensees over %d days of realistic
                attendance through the ingest API, a Zoom import, closures, until credit and search settle) runs
                against them, and each process's high-water mark (`VmHWM`, the peak resident set since it
                started) is read at the end. Resident memory includes the heap actually touched, metaspace,
                code cache, thread stacks and direct buffers, so it can exceed the heap limit."""
                .formatted(options.licensees(), options.days());
    }

    private boolean outOfMemory(ServiceFleet.Service service) {
        try {
            Path log = context.logFile(service);
            return Files.exists(log) && Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /** A memory line of /proc/<pid>/status, in bytes. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException(field + " not found for pid " + pid);
    }

    private static String describe(Map<ServiceFleet.Service, Long> bytes) {
        StringBuilder out = new StringBuilder();
        bytes.forEach((service, b) -> out.append(service.module()).append(' ').append(Stats.mib(b)).append("  "));
        return out.toString().strip();
    }
}
