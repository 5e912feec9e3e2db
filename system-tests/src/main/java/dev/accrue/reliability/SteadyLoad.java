package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;

import dev.accrue.infra.launcher.ServiceClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Attendance posted to ingest one event per request at a steady rate, as a provider's integration
 * would, recording every answer with when its request started and ended, so a scenario can tell
 * which events were acknowledged and which requests fell inside an outage.
 */
final class SteadyLoad implements AutoCloseable {

    /** One request: its event id, the HTTP status (-1 when no answer came) and when it started and ended. */
    record Outcome(String eventId, int status, long startedNanos, long endedNanos) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final ServiceClients clients;
    private final LongFunction<Map<String, Object>> events;
    private final long intervalNanos;
    private final ExecutorService workers;
    private final AtomicLong next = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final long start = System.nanoTime();

    /**
     * The scenarios' usual load: JOINED and LEFT in turn for the session's licensees, round robin,
     * at the settings' rate; event ids are the session's plus a running number.
     */
    static SteadyLoad attendance(Rig rig, Settings settings, String sessionId, List<String> licensees, int threads) {
        return new SteadyLoad(rig.clients, settings.rate(), threads, n -> rig.catalog.attendance(sessionId + "-e" + n,
                sessionId, licensees.get((int) (n % licensees.size())), n % 2 == 0 ? "JOINED" : "LEFT", (n / 2 % 60) + 0.5));
    }

    /** Starts at once; {@code events} builds the n-th event (its {@code eventId} must be unique). */
    SteadyLoad(ServiceClients clients, int perSecond, int threads, LongFunction<Map<String, Object>> events) {
        this.clients = clients;
        this.events = events;
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            workers.execute(this::send);
        }
    }

    private void send() {
        while (running.get()) {
            long n = next.getAndIncrement();
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the load to its rate, not waiting for a condition
            }
            if (!running.get()) {
                return;
            }
            Map<String, Object> event = events.apply(n);
            long started = System.nanoTime();
            int status;
            try {
                status = clients.post(INGEST, "/v1/attendance", Catalog.PROVIDER_KEY, event).status();
            } catch (RuntimeException e) {
                status = -1; // no answer (connection refused or timed out): not acknowledged
            }
            outcomes.add(new Outcome((String) event.get("eventId"), status, started, System.nanoTime()));
        }
    }

    long answered() {
        return outcomes.size();
    }

    long acknowledged() {
        return outcomes.stream().filter(Outcome::acknowledged).count();
    }

    /** Stops sending, waits for the requests in flight, and returns every outcome. */
    List<Outcome> stop() {
        running.set(false);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(outcomes);
    }

    @Override
    public void close() {
        stop();
    }
}
