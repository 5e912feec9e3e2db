package dev.accrue.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.DoubleFunction;

/** Percentiles and formatting shared by the benchmarks. */
final class Stats {

    /** Nearest-rank percentile of the samples, p in (0, 100]. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String rate(double perSecond, String unit) {
        return String.format("%,.0f %s/s", perSecond, unit);
    }

    /** Two decimals, or two significant digits for small ratios (0.0046 rather than 0.00). */
    static String ratio(double value, double baseline) {
        double ratio = value / baseline;
        if (ratio != 0 && Math.abs(ratio) < 0.1) {
            return new BigDecimal(ratio).round(new MathContext(2)).toPlainString();
        }
        return String.format("%.2f", ratio);
    }

    static String millis(double ms) {
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%,.0f ms", ms);
    }

    /** p50 / p95 / p99 of latencies in milliseconds. */
    static String triple(List<Double> latencies) {
        if (latencies.isEmpty()) {
            return "no samples";
        }
        return millis(percentile(latencies, 50)) + " / " + millis(percentile(latencies, 95)) + " / "
                + millis(percentile(latencies, 99));
    }

    static String mib(long bytes) {
        return String.format("%,d MiB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    /** "met" or "not met", with the measured value's share of the goal, e.g. {@code met (1.3× the goal)}. */
    static String atLeast(double value, double goal, String goalText) {
        return String.format("%s: %s (%.2f× the goal)", goalText, value >= goal ? "met" : "not met", value / goal);
    }

    /** For limits (latencies): the value as a fraction of the limit, below 1 is inside it. */
    static String atMost(double value, double limit, String goalText) {
        return String.format("%s: %s (%.2f of the limit)", goalText, value < limit ? "met" : "not met", value / limit);
    }

    /** A figure as a number, with how to write it (the goal judges it; runs are combined by it). */
    record Figure(double value, DoubleFunction<String> format) {
    }

    /**
     * The least and greatest of a figure over its rounds, e.g. {@code 20,498 events/s – 21,831 events/s (3 rounds)}.
     * {@code ./accrue bench --check} reads the two numbers around the dash back.
     */
    static String range(List<Double> values, DoubleFunction<String> format) {
        DoubleSummaryStatistics stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        String min = format.apply(stats.getMin());
        String max = format.apply(stats.getMax());
        String label = min.substring(0, min.indexOf(' ') + 1); // "p99 " or "ratio " is written once
        if (!label.isEmpty() && !Character.isDigit(label.charAt(0)) && max.startsWith(label)) {
            max = max.substring(label.length());
        }
        return min + " – " + max + " (" + values.size() + " rounds)";
    }

    private Stats() {
    }
}
