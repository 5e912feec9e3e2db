package dev.accrue.bench;

import java.util.Arrays;
import java.util.List;

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

    static String ratio(double value, double baseline) {
        return String.format("%.2f", value / baseline);
    }

    static String millis(double ms) {
        return String.format("%,.0f ms", ms);
    }

    private Stats() {
    }
}
