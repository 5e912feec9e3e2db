package dev.accrue.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./accrue bench --check} prints: each figure measured now beside the one BENCHMARKS.md
 * commits, marked when it falls outside the committed range over rounds, and whether its goal is still met.
 * A goal missed now, or a benchmark that did not finish, makes the check fail; a figure outside the range
 * only says that this machine or build differs. The committed file is never rewritten by a check.
 */
final class BenchCheck {

    /** The two numbers around the range's dash, e.g. "p99 214 ms – 300 ms (3 rounds)". */
    private static final Pattern RANGE = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)[^\\d–]* – [^\\d]*?(\\d[\\d,]*(?:\\.\\d+)?)");

    /**
     * One figure: what the committed file says, what this run measured, whether that is outside the committed
     * range, and whether the goal is missed now.
     */
    record Line(String benchmark, String metric, String committed, String now, String goalNow, boolean outside,
                boolean missed) {
    }

    static List<Line> compare(String committedDocument, List<BenchmarkReport> fresh) {
        Map<String, Map<String, BenchmarkReport.Row>> committed = committedRows(committedDocument);
        List<Line> lines = new ArrayList<>();
        for (BenchmarkReport report : fresh) {
            if (report.rows().isEmpty()) {
                lines.add(new Line(report.key(), "(did not finish)", "", "", String.join(" ", report.notes()), false, true));
            }
            for (BenchmarkReport.Row row : report.rows()) {
                BenchmarkReport.Row before = committed.getOrDefault(report.key(), Map.of()).get(row.metric());
                boolean outside = before != null && row.key() != null && range(before.range())
                        .map(r -> row.key().value() < r[0] || row.key().value() > r[1]).orElse(false);
                lines.add(new Line(report.key(), row.metric(), before == null ? "not in BENCHMARKS.md" : figure(before),
                        figure(row), row.goal(), outside, row.goal().contains("not met")));
            }
        }
        return lines;
    }

    static String print(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.missed() ? "MISSED  " : line.outside() ? "OUTSIDE " : "ok      ").append(line.benchmark())
                    .append(" | ").append(line.metric())
                    .append("\n        committed: ").append(line.committed())
                    .append("\n        now:       ").append(line.now()).append(" | ").append(line.goalNow())
                    .append(line.outside() ? "\n        (outside the committed range)" : "").append("\n");
        }
        long missed = lines.stream().filter(Line::missed).count();
        long outside = lines.stream().filter(Line::outside).count();
        return out.append(missed == 0 ? "Every goal is met on this machine." : missed + " figure(s) miss their goal on this machine.")
                .append(outside == 0 ? "" : " " + outside + " figure(s) fall outside the committed range.").append("\n")
                .toString();
    }

    private static String figure(BenchmarkReport.Row row) {
        return row.value() + (row.range().equals("—") ? "" : ", range " + row.range()) + " (ratio " + row.ratio()
                + " against " + row.baseline() + ")";
    }

    /** The least and greatest of a committed range, when it has them. */
    static Optional<double[]> range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {number(m.group(1)), number(m.group(2))});
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    /** The committed rows per benchmark and metric, read back from the sections' tables (older ones have no range). */
    private static Map<String, Map<String, BenchmarkReport.Row>> committedRows(String document) {
        Map<String, Map<String, BenchmarkReport.Row>> rows = new LinkedHashMap<>();
        BenchmarkReport.sections(document).forEach((key, section) -> {
            Map<String, BenchmarkReport.Row> byMetric = new LinkedHashMap<>();
            for (String line : BenchmarkReport.tableRows(section)) {
                String[] c = BenchmarkReport.cells(line);
                if (c.length == 6) {
                    byMetric.put(c[0], new BenchmarkReport.Row(c[0], c[1], c[2], c[3], c[4], c[5], null));
                } else if (c.length == 5) {
                    byMetric.put(c[0], new BenchmarkReport.Row(c[0], c[1], c[2], c[3], c[4]));
                }
            }
            rows.put(key, byMetric);
        });
        return rows;
    }

    private BenchCheck() {
    }
}
