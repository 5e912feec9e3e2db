package dev.accrue.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark's outcome, written to BENCHMARKS.md. Every figure is a ratio against a baseline
 * measured in the same run, because the machines are shared and noisy: an absolute time alone
 * says little.
 *
 * @param key the name on the command line ({@code ./accrue bench <key>}), also the section's marker
 * @param measured when and on what machine this section was measured
 */
record BenchmarkReport(String key, String title, String method, String command, List<Row> rows, List<String> notes,
                       String measured) {

    /**
     * A measured figure, its spread over the rounds, its baseline, and the goal the issue sets for the ratio or value.
     * {@code key} is the figure the goal judges, as a number, when rounds are combined (null when it is not).
     */
    record Row(String metric, String value, String range, String baseline, String ratio, String goal, Stats.Figure key) {

        /** A figure measured once per run: its spread comes from the runs combined by {@link #ofRounds}, if any. */
        Row(String metric, String value, String baseline, String ratio, String goal) {
            this(metric, value, "—", baseline, ratio, goal, null);
        }

        Row withRange(String range) {
            return new Row(metric, value, range, baseline, ratio, goal, key);
        }
    }

    private static final Pattern MARKER = Pattern.compile("<!-- bench:([a-z-]+) -->");

    /** A section for a benchmark that did not finish: it says so, with no figures. */
    static BenchmarkReport failed(String key, String title, String command, String machine, Throwable failure) {
        String reason = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        return new BenchmarkReport(key, title, "", command, List.of(),
                List.of("**Not measured in the last run:** it failed with " + failure.getClass().getSimpleName() + ": "
                        + reason.replace("|", "\\|")), LocalDate.now() + " at " + Benchmarks.revision() + ", on " + machine);
    }

    String section() {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(title).append("\n").append("<!-- bench:").append(key).append(" -->\n\n");
        out.append("Measured ").append(measured).append(".\n\n");
        if (!method.isBlank()) {
            out.append(method.strip()).append("\n\n");
        }
        out.append("Rerun: `").append(command).append("`\n\n");
        if (!rows.isEmpty()) {
            out.append("| metric | measured (median) | range over rounds | baseline (same run) | ratio | goal |\n"
                    + "|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                out.append("| ").append(row.metric()).append(" | ").append(row.value()).append(" | ").append(row.range())
                        .append(" | ").append(row.baseline()).append(" | ").append(row.ratio()).append(" | ")
                        .append(row.goal()).append(" |\n");
            }
            out.append("\n");
        }
        for (String note : notes) {
            out.append("- ").append(note).append("\n");
        }
        if (!notes.isEmpty()) {
            out.append("\n");
        }
        return out.toString();
    }

    /**
     * The whole file: the sections measured now replace the ones with the same key, the others are
     * kept from the existing file (so {@code ./accrue bench credit} does not erase the rest), all in
     * the order of {@code order}.
     */
    static String document(List<String> order, String existing, List<BenchmarkReport> reports) {
        Map<String, String> sections = new LinkedHashMap<>(sections(existing));
        reports.forEach(r -> sections.put(r.key(), r.section()));
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by `./accrue bench` (`dev.accrue.bench.Benchmarks` in system-tests); never edited by hand.\n");
        out.append("Each benchmark starts a fresh local stack (KRaft broker, Apicurio registry with the Confluent API,\n");
        out.append("one Elasticsearch 8.19 node, each its own JVM on loopback) and only the services it needs, as\n");
        out.append("processes with `-Xmx512m` in the `local` profile. Each figure is compared with a baseline measured in\n");
        out.append("the same run on the same machine, since absolute times on shared 2-core machines vary from run to\n");
        out.append("run; the ratio is what to compare between runs. `./accrue bench` runs all of them; `./accrue bench <name>`\n");
        out.append("runs one and keeps the other sections as they were (each section says when it was measured).\n");
        out.append("Every figure is measured at least 3 times: in rounds within one run (ingest, indexing, analytics; the\n");
        out.append("rules engine in JMH forks and iterations), or in 3 runs on fresh stacks (credit, latency, memory). The\n");
        out.append("table gives the median and the range; a goal counts as met only when the median meets it.\n");
        out.append("`./accrue bench --check` reruns them and marks each figure that misses its goal or falls outside the\n");
        out.append("committed range.\n\n");
        out.append(summary(order, sections));
        for (String key : order) {
            if (sections.containsKey(key)) {
                out.append(sections.get(key));
            }
        }
        return out.toString();
    }

    /** One table of every figure in the sections below, in their order, read back from their own tables. */
    static String summary(List<String> order, Map<String, String> sections) {
        StringBuilder out = new StringBuilder("## Summary\n\nEach figure is the median of its rounds; a goal counts as met"
                + " only when the median meets it.\n\n| benchmark | metric | measured (median) | range over rounds | baseline"
                + " (same run) | ratio | goal |\n|---|---|---|---|---|---|---|\n");
        for (String key : order) {
            String section = sections.get(key);
            if (section == null) {
                continue;
            }
            String title = section.lines().findFirst().orElse("").substring(3).strip();
            String anchor = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
            List<String> rows = tableRows(section);
            if (rows.isEmpty()) {
                out.append("| [").append(title).append("](#").append(anchor).append(") | not measured in the last run | | | | | |\n");
            }
            for (String row : rows) {
                out.append("| [").append(key).append("](#").append(anchor).append(") ").append(withRange(row)).append("\n");
            }
        }
        return out.append("\n").toString();
    }

    /** A row of a section written before figures had a range gets an empty range cell, so the summary's columns align. */
    private static String withRange(String row) {
        String[] cells = cells(row);
        if (cells.length != 5) {
            return row;
        }
        return "| " + cells[0] + " | " + cells[1] + " | — | " + cells[2] + " | " + cells[3] + " | " + cells[4] + " |";
    }

    /** A table row's cells, stripped. */
    static String[] cells(String row) {
        String[] cells = row.substring(1, row.length() - 1).split(" \\| ", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    /** The data rows of a section's figure table, as written by {@link #section()}. */
    static List<String> tableRows(String section) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section.lines().toList()) {
            if (line.startsWith("| metric | measured")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("| ")) {
                rows.add(line);
            } else {
                inTable = false;
            }
        }
        return rows;
    }

    /**
     * One report of several runs of a benchmark (rounds as processes, each on a fresh stack): every figure is the
     * run whose judged figure is the median, with the least and greatest of the runs as its range, so a goal is met
     * only when the median meets it. The notes and method are the first run's, and one note lists every run.
     */
    static BenchmarkReport ofRounds(List<BenchmarkReport> runs) {
        BenchmarkReport first = runs.get(0);
        if (runs.size() == 1) {
            return first;
        }
        List<Row> rows = new ArrayList<>();
        List<String> perRun = new ArrayList<>();
        for (Row row : first.rows()) {
            List<Row> same = runs.stream().flatMap(r -> r.rows().stream().filter(x -> x.metric().equals(row.metric())))
                    .toList();
            if (row.key() == null || same.size() < runs.size() || same.stream().anyMatch(r -> r.key() == null)) {
                rows.add(row); // not measured by every run: nothing to combine
                continue;
            }
            List<Row> sorted = same.stream().sorted(Comparator.comparingDouble(r -> r.key().value())).toList();
            rows.add(sorted.get(sorted.size() / 2).withRange(Stats.range(
                    same.stream().map(r -> r.key().value()).toList(), row.key().format())));
            perRun.add(row.metric() + ": " + String.join("; ", same.stream()
                    .map(r -> r.value() + " against " + r.baseline() + " (ratio " + r.ratio() + ")").toList()));
        }
        List<String> notes = new ArrayList<>(first.notes());
        notes.add(runs.size() + " runs, each on a fresh stack, in order; the table shows the median run of each figure. "
                + String.join(" ", perRun.stream().map(s -> s.endsWith(".") ? s : s + ".").toList()));
        return new BenchmarkReport(first.key(), first.title(), first.method(), first.command(), List.copyOf(rows),
                List.copyOf(notes), first.measured());
    }

    /** Sections of an existing file by key; the header and the summary before the first section are rewritten. */
    static Map<String, String> sections(String existing) {
        Map<String, String> sections = new LinkedHashMap<>();
        if (existing == null || existing.isBlank()) {
            return sections;
        }
        String[] parts = existing.split("(?m)^(?=## )");
        for (String part : parts) {
            Matcher marker = MARKER.matcher(part);
            if (part.startsWith("## ") && marker.find()) {
                sections.put(marker.group(1), part.endsWith("\n\n") ? part : part.stripTrailing() + "\n\n");
            }
        }
        return sections;
    }

    static final class Builder {
        private final String key;
        private final String title;
        private final String command;
        private String method = "";
        private final List<Row> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String key, String title) {
            this.key = key;
            this.title = title;
            this.command = "./accrue bench " + key;
        }

        Builder method(String method) {
            this.method = method;
            return this;
        }

        Builder row(String metric, String value, String baseline, String ratio, String goal) {
            rows.add(new Row(metric, value, baseline, ratio, goal));
            return this;
        }

        /** A figure whose spread the benchmark states itself (JMH's confidence interval). */
        Builder row(String metric, String value, String range, String baseline, String ratio, String goal) {
            rows.add(new Row(metric, value, range, baseline, ratio, goal, null));
            return this;
        }

        /** A figure measured once in this run, whose judged number runs combine by (see {@link #ofRounds}). */
        Builder row(String metric, String value, String baseline, String ratio, String goal, Stats.Figure key) {
            rows.add(new Row(metric, value, "—", baseline, ratio, goal, key));
            return this;
        }

        /** A figure measured over rounds within this run: the value is the median round's, {@code rounds} all of them. */
        Builder row(String metric, String value, String baseline, String ratio, String goal, Stats.Figure key,
                    List<Double> rounds) {
            rows.add(new Row(metric, value, Stats.range(rounds, key.format()), baseline, ratio, goal, key));
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        BenchmarkReport build() {
            return new BenchmarkReport(key, title, method, command, List.copyOf(rows), List.copyOf(notes),
                    LocalDate.now() + " at " + Benchmarks.revision() + ", on " + Benchmarks.machine());
        }
    }
}
