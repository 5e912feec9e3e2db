package dev.accrue.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Polls a counter (committed offsets, a document count) at a fixed interval on its own thread and
 * keeps the samples, so a throughput can be read off them afterwards: from the first sample that
 * saw progress to the first that saw the target. Starting the clock at the first progress leaves
 * out process start-up, group joins and template installation, which are not throughput; both a
 * service and its baseline are measured the same way.
 */
public final class Sampler implements AutoCloseable {

    record Sample(long nanos, long value) {
    }

    /**
     * Items done between the first sample with progress and the last one considered, and when those two
     * samples were taken ({@link System#nanoTime}); an empty window (no progress seen) has both at 0.
     */
    record Throughput(long items, boolean complete, long fromNanos, long toNanos) {
        /** The seconds between the two samples; NaN for an empty window. */
        double seconds() {
            return toNanos > fromNanos ? (toNanos - fromNanos) / 1e9 : Double.NaN;
        }

        double perSecond() {
            return items / seconds();
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(String name, LongSupplier probe, long intervalMillis, Progress.Bar bar) {
        this.thread = new Thread(() -> {
            while (running) {
                long value = probe.getAsLong();
                long now = System.nanoTime();
                synchronized (samples) {
                    samples.add(new Sample(now, value));
                    samples.notifyAll();
                }
                if (bar != null && value >= 0) {
                    bar.update(value);
                }
                try {
                    Thread.sleep(intervalMillis); // the sampling interval, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sampler-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until a sample reaches the target; false on timeout. */
    boolean awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (samples) {
            while (samples.isEmpty() || samples.get(samples.size() - 1).value() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                samples.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    long last() {
        synchronized (samples) {
            return samples.isEmpty() ? -1 : samples.get(samples.size() - 1).value();
        }
    }

    /**
     * The throughput up to the target: the clock starts at the first sample above the baseline value
     * (what was there before), and stops at the first sample at the target, or the last sample if
     * the target was never reached.
     */
    Throughput throughput(long before, long target) {
        synchronized (samples) {
            Sample first = null;
            Sample end = null;
            for (Sample s : samples) {
                if (first == null && s.value() > before) {
                    first = s;
                }
                if (first != null) {
                    end = s;
                    if (s.value() >= target) {
                        break;
                    }
                }
            }
            if (first == null || end == first) {
                return new Throughput(0, false, 0, 0);
            }
            return new Throughput(end.value() - first.value(), end.value() >= target, first.nanos(), end.nanos());
        }
    }

    /** The last sample taken at or before the time ({@link System#nanoTime}), else the first one; null before any. */
    Sample at(long nanos) {
        synchronized (samples) {
            Sample at = samples.isEmpty() ? null : samples.get(0);
            for (Sample s : samples) {
                if (s.nanos() > nanos) {
                    break;
                }
                at = s;
            }
            return at;
        }
    }

    /** Polls the condition until it holds; throws when it has not within the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Progress.step("Waiting until " + what);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(250); // polled: the condition has no change notification
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
