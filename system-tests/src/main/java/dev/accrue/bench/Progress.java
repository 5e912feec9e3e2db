package dev.accrue.bench;

import java.time.Duration;

/**
 * What the benchmarks print while they run, in the launcher's style: a timestamped line per step,
 * and a bar redrawn in place for anything that counts up to a known total.
 */
public final class Progress {

    private static final long STARTED = System.nanoTime();
    /** On a terminal the bar is redrawn in place; in a log file it prints a line every few seconds instead. */
    private static final boolean TERMINAL = System.console() != null;

    public static void step(String message) {
        System.out.printf("[%6.1fs] %s%n", elapsed(STARTED), message);
        System.out.flush();
    }

    public static void step(String format, Object... args) {
        step(String.format(format, args));
    }

    /** A bar for one phase: {@code   [##########..........]  50%  100,000/200,000 events  41,300 events/s}. */
    public static Bar bar(String unit, long total) {
        return new Bar(unit, total);
    }

    public static final class Bar {
        private static final int WIDTH = 30;
        private final String unit;
        private final long total;
        private long start;
        private long lastDraw;
        private boolean finished;

        private Bar(String unit, long total) {
            this.unit = unit;
            this.total = Math.max(1, total);
        }

        /** Redraws at most five times a second, and always when the total is reached; the rate counts from the first progress. */
        public synchronized void update(long done) {
            long now = System.nanoTime();
            if (start == 0 && done > 0) {
                start = now;
            }
            long every = TERMINAL ? 200_000_000L : 5_000_000_000L;
            if (finished || (done < total && now - lastDraw < every)) {
                return;
            }
            lastDraw = now;
            long shown = Math.min(done, total);
            int filled = (int) (WIDTH * shown / total);
            double seconds = start == 0 ? 0 : elapsed(start);
            String rate = seconds < 0.5 ? "" : String.format("%,.0f %s/s", done / seconds, unit);
            System.out.printf("%s  [%s%s] %3d%%  %,d/%,d %s  %s   %s", TERMINAL ? "\r" : "", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), 100 * shown / total, done, total, unit, rate, TERMINAL ? "" : "\n");
            if (done >= total) {
                finished = true;
                if (TERMINAL) {
                    System.out.println();
                }
            }
            System.out.flush();
        }

        /** Ends the line even when the total was not reached (a timeout or a failure). */
        public synchronized void close() {
            if (!finished) {
                finished = true;
                if (TERMINAL) {
                    System.out.println();
                }
            }
        }
    }

    /** A status line redrawn in place, for waits whose end is a condition rather than a count. */

    static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private Progress() {
    }
}
