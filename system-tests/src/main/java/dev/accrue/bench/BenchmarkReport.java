package dev.accrue.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's outcome, written to BENCHMARKS.md. Every figure is a ratio against a baseline
 * measured in the same run, because the machines are shared and noisy: an absolute time alone
 * says little.
 */
record BenchmarkReport(String title, String method, String command, List<Row> rows, List<String> notes) {

    /** A measured figure, its baseline, and the goal the issue sets for the ratio or value. */
    record Row(String metric, String value, String baseline, String ratio, String goal) {
    }

    static String markdown(List<BenchmarkReport> reports, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by `./accrue bench` on ").append(LocalDate.now()).append("; never edited by hand.\n\n");
        out.append("Machine: ").append(machine).append("\n\n");
        out.append("Each figure is compared with a baseline measured in the same run on the same machine, since\n");
        out.append("absolute times on shared 2-core machines vary from run to run.\n\n");
        for (BenchmarkReport report : reports) {
            out.append("## ").append(report.title()).append("\n\n");
            out.append(report.method()).append("\n\n");
            out.append("Rerun: `").append(report.command()).append("`\n\n");
            out.append("| metric | measured | baseline | ratio | goal |\n|---|---|---|---|---|\n");
            for (Row row : report.rows()) {
                out.append("| ").append(row.metric()).append(" | ").append(row.value()).append(" | ").append(row.baseline())
                        .append(" | ").append(row.ratio()).append(" | ").append(row.goal()).append(" |\n");
            }
            out.append("\n");
            for (String note : report.notes()) {
                out.append("- ").append(note).append("\n");
            }
            if (!report.notes().isEmpty()) {
                out.append("\n");
            }
        }
        return out.toString();
    }

    static final class Builder {
        private final String title;
        private final String command;
        private String method = "";
        private final List<Row> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String title, String command) {
            this.title = title;
            this.command = command;
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
            return new BenchmarkReport(title, method, command, List.copyOf(rows), List.copyOf(notes));
        }
    }
}
