package dev.accrue.bench;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /** A measured figure, its baseline, and the goal the issue sets for the ratio or value. */
    record Row(String metric, String value, String baseline, String ratio, String goal) {
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
            out.append("| metric | measured | baseline (same run) | ratio | goal |\n|---|---|---|---|---|\n");
            for (Row row : rows) {
                out.append("| ").append(row.metric()).append(" | ").append(row.value()).append(" | ").append(row.baseline())
                        .append(" | ").append(row.ratio()).append(" | ").append(row.goal()).append(" |\n");
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
        out.append("runs one and keeps the other sections as they were (each section says when it was measured).\n\n");
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
        StringBuilder out = new StringBuilder("## Summary\n\n| benchmark | metric | measured | baseline (same run) | ratio | goal |\n"
                + "|---|---|---|---|---|---|\n");
        for (String key : order) {
            String section = sections.get(key);
            if (section == null) {
                continue;
            }
            String title = section.lines().findFirst().orElse("").substring(3).strip();
            String anchor = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
            List<String> rows = tableRows(section);
            if (rows.isEmpty()) {
                out.append("| [").append(title).append("](#").append(anchor).append(") | not measured in the last run | | | | |\n");
            }
            for (String row : rows) {
                out.append("| [").append(key).append("](#").append(anchor).append(") ").append(row).append("\n");
            }
        }
        return out.append("\n").toString();
    }

    /** The data rows of a section's figure table, as written by {@link #section()}. */
    static List<String> tableRows(String section) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section.lines().toList()) {
            if (line.startsWith("| metric | measured |")) {
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
