package dev.accrue.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./accrue bench --check} prints: each figure measured now beside the one BENCHMARKS.md
 * commits, and whether its goal is still met. A goal missed now, or a benchmark that did not finish,
 * makes the check fail; the committed file is never rewritten by a check.
 */
final class BenchCheck {

    /** One figure: what the committed file says, what this run measured, and whether the goal is missed now. */
    record Line(String benchmark, String metric, String committed, String now, String goalNow, boolean missed) {
    }

    static List<Line> compare(String committedDocument, List<BenchmarkReport> fresh) {
        Map<String, Map<String, BenchmarkReport.Row>> committed = committedRows(committedDocument);
        List<Line> lines = new ArrayList<>();
        for (BenchmarkReport report : fresh) {
            if (report.rows().isEmpty()) {
                lines.add(new Line(report.key(), "(did not finish)", "", "", String.join(" ", report.notes()), true));
            }
            for (BenchmarkReport.Row row : report.rows()) {
                BenchmarkReport.Row before = committed.getOrDefault(report.key(), Map.of()).get(row.metric());
                lines.add(new Line(report.key(), row.metric(), before == null ? "not in BENCHMARKS.md" : figure(before),
                        figure(row), row.goal(), row.goal().contains("not met")));
            }
        }
        return lines;
    }

    static String print(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.missed() ? "MISSED  " : "ok      ").append(line.benchmark()).append(" | ").append(line.metric())
                    .append("\n        committed: ").append(line.committed())
                    .append("\n        now:       ").append(line.now()).append(" | ").append(line.goalNow()).append("\n");
        }
        long missed = lines.stream().filter(Line::missed).count();
        return out.append(missed == 0 ? "Every goal is met on this machine.\n"
                : missed + " figure(s) miss their goal on this machine.\n").toString();
    }

    private static String figure(BenchmarkReport.Row row) {
        return row.value() + " (ratio " + row.ratio() + " against " + row.baseline() + ")";
    }

    /** The committed rows per benchmark and metric, read back from the sections' tables. */
    private static Map<String, Map<String, BenchmarkReport.Row>> committedRows(String document) {
        Map<String, Map<String, BenchmarkReport.Row>> rows = new LinkedHashMap<>();
        BenchmarkReport.sections(document).forEach((key, section) -> {
            Map<String, BenchmarkReport.Row> byMetric = new LinkedHashMap<>();
            for (String line : BenchmarkReport.tableRows(section)) {
                String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
                if (cells.length == 5) {
                    byMetric.put(cells[0].strip(), new BenchmarkReport.Row(cells[0].strip(), cells[1].strip(),
                            cells[2].strip(), cells[3].strip(), cells[4].strip()));
                }
            }
            rows.put(key, byMetric);
        });
        return rows;
    }

    private BenchCheck() {
    }
}
