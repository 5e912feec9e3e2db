package dev.accrue.cli;

import java.time.Duration;
import java.time.Instant;

/** Terminal output for the launcher: steps, and a progress bar with a rate. */
final class Console {

    private static final Instant STARTED = Instant.now();

    static void step(String message) {
        System.out.printf("[%5.1fs] %s%n", Duration.between(STARTED, Instant.now()).toMillis() / 1000.0, message);
    }

    /** A one-line progress bar redrawn in place: {@code [#####.....]  50%  5,000/10,000 events  8,120 ev/s}. */
    static final class ProgressBar {
        private final String unit;
        private final long total;
        private final Instant start = Instant.now();
        private long lastDraw;

        ProgressBar(String unit, long total) {
            this.unit = unit;
            this.total = Math.max(1, total);
        }

        synchronized void update(long done) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return; // redraw at most ten times a second
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * Math.min(done, total) / total);
            double seconds = Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
            System.out.printf("\r  [%s%s] %3d%%  %,d/%,d %s  %,.0f %s/s", "#".repeat(filled), ".".repeat(width - filled),
                    100 * Math.min(done, total) / total, done, total, unit, done / seconds, unit);
            if (done >= total) {
                System.out.println();
            }
            System.out.flush();
        }
    }

    private Console() {
    }
}
