package dev.accrue.bench;

import dev.accrue.events.CreditAward;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The whole pipeline on one machine, as a large provider feels it: ingest, credit and search with the infrastructure,
 * attendance posted over HTTP to ingest in a realistic mix, at rising rates, until credit's or search's lag passes
 * five seconds' worth of events. The figure is the highest rate both kept up with for the whole window, with the
 * event → award and event → searchable latency measured at that rate; the baseline is what the same HTTP path
 * takes with credit and search stopped, in the same run.
 */
final class PipelineBenchmark {

    static final String KEY = "pipeline";
    static final String TITLE = "Whole pipeline: the highest rate credit and search keep up with";
    private static final String CREDIT_GROUP = "accrue-credit-service";
    private static final int LICENSEES = 5_000;
    private static final int PAIRS_PER_SESSION = 500;
    private static final int SESSIONS = 3_000;
    private static final int CLOSED_SESSIONS = 8;
    private static final int SAMPLES_PER_SECOND = 10;
    private static final double LAG_LIMIT_SECONDS = 5;
    private static final int BATCH = 250;
    /** ingest's per-caller cap on concurrent batches: one provider's key, as a provider's integration would use. */
    private static final int CLIENTS = 3;
    private static final double STEP = 1.5;
    private static final Duration WARMUP = Duration.ofSeconds(15);

    private final BenchContext context;
    private final Duration hold;
    private final int firstRate;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PipelineBenchmark(BenchContext context, Duration hold, int firstRate) {
        this.context = context;
        this.hold = hold;
        this.firstRate = firstRate;
    }

    /** One rate tried: what was offered and taken, the largest lags in the window, and the samples' latencies. */
    record Step(int rate, double accepted, long creditLag, long searchLag, List<Double> awards, List<Double> searchable) {

        boolean held() {
            return accepted >= 0.95 * rate && creditLag < LAG_LIMIT_SECONDS * rate && searchLag < LAG_LIMIT_SECONDS * rate;
        }
    }

    record Measured(List<Step> steps, double ingestAlone) {

        /** The fastest step that held, if any did. */
        Step best() {
            return steps.stream().filter(Step::held).reduce((a, b) -> b.rate() > a.rate() ? b : a).orElse(null);
        }
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             BenchElastic elastic = new BenchElastic(context.endpoints().elasticsearchUrl());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics();
            Workload workload = setUp(kafka, producer);
            ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.INGEST, ServiceFleet.Service.CREDIT,
                    ServiceFleet.Service.SEARCH));
            long licenseesOnTopic = kafka.endOffsetSum(BenchKafka.LICENSEES);
            Sampler.await("credit-service has read the licensees and search-service has indexed the sessions",
                    Duration.ofMinutes(3), () -> kafka.committedSum(CREDIT_GROUP, BenchKafka.LICENSEES) >= licenseesOnTopic
                            && elastic.count("accrue-sessions") >= SESSIONS + CLOSED_SESSIONS);
            Sender sender = new Sender(fleet.url(ServiceFleet.Service.INGEST), workload);

            List<Step> steps = new ArrayList<>();
            for (int rate = firstRate; ; rate = (int) Math.round(rate * STEP)) {
                Step step = step(kafka, elastic, sender, rate);
                steps.add(step);
                Progress.step("%,d events/s: %s (accepted %,.0f/s; largest lag credit %,d, search %,d events)", rate,
                        step.held() ? "held" : "not held", step.accepted(), step.creditLag(), step.searchLag());
                if (!step.held()) {
                    break;
                }
            }

            Progress.step("Baseline: the same HTTP path with credit-service and search-service stopped, as fast as it takes");
            fleet.stop(ServiceFleet.Service.CREDIT);
            fleet.stop(ServiceFleet.Service.SEARCH);
            double alone = sender.drive(Integer.MAX_VALUE, Duration.ofSeconds(5), Duration.ofSeconds(20), null, () -> { });
            Progress.step("ingest alone: %s", Stats.rate(alone, "events"));
            return new Measured(steps, alone);
        }
    }

    /** Warm-up, then the held window at one rate, with both consumers' lag checked every second. */
    private Step step(BenchKafka kafka, BenchElastic elastic, Sender sender, int rate) throws Exception {
        Progress.step("Trying %,d events/s: %s warm-up, then %s measured", rate, Progress.seconds(WARMUP), Progress.seconds(hold));
        AtomicLong creditLag = new AtomicLong();
        AtomicLong searchLag = new AtomicLong();
        try (var awardProbe = new LatencyProbes.TopicProbe<>("awards", kafka, BenchKafka.CREDITS, CreditAward.class, true,
                a -> a.getLicenseeId() + "|" + a.getSessionId(), LatencyProbes.Sample::pair);
             var searchProbe = new LatencyProbes.SearchProbe(elastic, "accrue-attendance", 50)) {
            awardProbe.start();
            searchProbe.start();
            double accepted = sender.drive(rate, WARMUP, hold, List.of(awardProbe, searchProbe), () -> {
                creditLag.accumulateAndGet(kafka.lag(CREDIT_GROUP, BenchKafka.ATTENDANCE), Math::max);
                searchLag.accumulateAndGet(kafka.lag(BenchKafka.SEARCH_GROUP, BenchKafka.ATTENDANCE), Math::max);
            });
            awardProbe.drain(Duration.ofSeconds(30));
            searchProbe.drain(Duration.ofSeconds(30));
            return new Step(rate, accepted, creditLag.get(), searchLag.get(), awardProbe.latencies(), searchProbe.latencies());
        }
    }

    /** Licensees, the running sessions the mix attends and the closed ones the samples attend, straight onto the topics. */
    private Workload setUp(BenchKafka kafka, KafkaProducer<String, SpecificRecord> producer) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(16, 0).toInstant(ZoneOffset.UTC);
        List<Session> running = new ArrayList<>();
        List<Session> closed = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            // Three-hour courses that began an hour ago: the timers cannot finalise them, closures do.
            running.add(BenchEvents.liveSession("bench-pipe-" + s, "acme", BenchEvents.COURSES.get(s % 2 == 0 ? 0 : 6), started));
        }
        for (int s = 0; s < CLOSED_SESSIONS; s++) {
            closed.add(BenchEvents.liveSession("bench-pipe-closed-" + s, "acme", BenchEvents.COURSES.get(0),
                    yesterday.minus(s, ChronoUnit.HOURS)));
        }
        Progress.step("Producing %,d licensees, %,d running sessions and %d closed ones", LICENSEES, SESSIONS, CLOSED_SESSIONS);
        List<LicenseeProfile> profiles = new ArrayList<>();
        for (int i = 0; i < LICENSEES; i++) {
            LicenseeProfile profile = BenchEvents.licensee(licenseeId(i), i);
            profile.setOwner("acme"); // the provider whose key sends the attendance registered them
            profiles.add(profile);
        }
        BenchEvents.publishWorld(producer, profiles, running, closed);
        return new Workload(running, closed);
    }

    /**
     * The attendance mix, pair by pair: each licensee-session pair gets 2 to 10 events (a JOINED and a LEFT per
     * visit, a reconnect on a second device being another visit), one pair in ten 40 (a long session with many
     * reconnects); when a session's pairs are all sent, its provider closes it, so credit finalises it at once.
     * Every (rate / 10)-th event, at most one per batch, is a sample instead: the JOINED of a licensee in a closed
     * session, which credit awards at once and search indexes.
     */
    private static final class Workload {
        private final List<Session> running;
        private final List<Session> closed;
        private final Random random = new Random(42);
        private final List<String> pending = new ArrayList<>();
        private int session;
        private int pair;
        private long events;
        private int samples;

        Workload(List<Session> running, List<Session> closed) {
            this.running = running;
            this.closed = closed;
        }

        /** The next event's JSON, and the session to close once it is sent, if it was a session's last. */
        String next(List<String> toClose) {
            if (pending.isEmpty()) {
                nextPair(toClose);
            }
            return pending.remove(pending.size() - 1);
        }

        private void nextPair(List<String> toClose) {
            if (pair == PAIRS_PER_SESSION) {
                toClose.add(running.get(session).getSessionId());
                pair = 0;
                session++;
                if (session == running.size()) {
                    throw new IllegalStateException("The workload ran out of sessions; raise SESSIONS");
                }
            }
            Session s = running.get(session);
            String licensee = licenseeId((session * 7919 + pair) % LICENSEES);
            int count = random.nextInt(10) == 0 ? 40 : 2 * (1 + random.nextInt(5));
            List<String> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant at = s.getStartsAt().plus(i, ChronoUnit.MINUTES).plusSeconds(random.nextInt(50));
                events.add(json("p-" + s.getSessionId() + "-" + pair + "-" + i, s.getSessionId(), licensee,
                        i % 2 == 0 ? "JOINED" : "LEFT", at, "device-" + (i / 2 % 2)));
            }
            // Popped from the end: reverse so the pair's events go out in order.
            for (int i = events.size() - 1; i >= 0; i--) {
                pending.add(events.get(i));
            }
            pair++;
        }

        /** A sample: a fresh licensee's JOINED in a closed session, credited at once. */
        LatencyProbes.Sample sample(long sentNanos, boolean measured, StringBuilder json) {
            int n = samples++;
            Session s = closed.get((n / LICENSEES) % CLOSED_SESSIONS);
            String licensee = licenseeId(n % LICENSEES);
            String eventId = "sample-" + n;
            json.append(json(eventId, s.getSessionId(), licensee, "JOINED", s.getStartsAt().minus(1, ChronoUnit.MINUTES),
                    null));
            return new LatencyProbes.Sample(eventId, licensee, s.getSessionId(), sentNanos, measured);
        }

        long events() {
            return events;
        }

        private String json(String eventId, String sessionId, String licenseeId, String type, Instant at, String connection) {
            events++;
            return "{\"eventId\":\"" + eventId + "\",\"sessionId\":\"" + sessionId + "\",\"licenseeId\":\"" + licenseeId
                    + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\""
                    + (connection == null ? "" : ",\"connectionId\":\"" + connection + "\"") + "}";
        }
    }

    /** Posts the mix to ingest's batch endpoint from {@link #CLIENTS} connections, paced to a rate. */
    private final class Sender {
        private final String url;
        private final Workload workload;
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        private final Semaphore inFlight = new Semaphore(CLIENTS);

        Sender(String url, Workload workload) {
            this.url = url;
            this.workload = workload;
        }

        /**
         * Sends {@code rate} events a second for {@code warmup} plus {@code window}; returns the events/s ingest
         * accepted during the window. Batches wait for a free connection: when ingest cannot take the rate, the
         * accepted rate falls below it. {@code everySecond} runs off the pacing thread once a second of the window.
         */
        double drive(int rate, Duration warmup, Duration window, List<LatencyProbes.Probe> probes, Runnable everySecond)
                throws Exception {
            int sampleEvery = probes == null ? Integer.MAX_VALUE : Math.max(BATCH, rate / SAMPLES_PER_SECOND);
            AtomicLong accepted = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            long measuredFrom = start + warmup.toNanos();
            long end = measuredFrom + window.toNanos();
            long acceptedAtStart = -1;
            long sent = 0;
            long nextSecond = measuredFrom;
            Progress.Bar bar = Progress.bar("seconds", warmup.toSeconds() + window.toSeconds());
            for (long now = System.nanoTime(); now < end && failure.get() == null; now = System.nanoTime()) {
                boolean measured = now >= measuredFrom;
                if (measured && acceptedAtStart < 0) {
                    acceptedAtStart = accepted.get();
                }
                if (measured && now >= nextSecond) {
                    CompletableFuture.runAsync(everySecond, pool);
                    nextSecond += 1_000_000_000L;
                }
                long due = rate == Integer.MAX_VALUE ? sent + BATCH : (long) (rate * ((now - start) / 1e9));
                while (sent + BATCH <= due && failure.get() == null) {
                    StringBuilder body = new StringBuilder(BATCH * 200).append('[');
                    List<String> toClose = new ArrayList<>();
                    for (int i = 0; i < BATCH; i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        if (probes != null && (sent + i) % sampleEvery == 0) {
                            LatencyProbes.Sample sample = workload.sample(System.nanoTime(), measured, body);
                            probes.forEach(p -> p.expect(sample));
                        } else {
                            body.append(workload.next(toClose));
                        }
                    }
                    byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
                    inFlight.acquire();
                    pool.execute(() -> {
                        try {
                            accepted.addAndGet(post("/v1/attendance/batch", bytes));
                            for (String session : toClose) {
                                post("/v1/sessions/" + session + "/close", new byte[0]);
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                    sent += BATCH;
                }
                bar.update((now - start) / 1_000_000_000L);
                LockSupport.parkNanos(1_000_000);
            }
            inFlight.acquire(CLIENTS); // every batch answered
            inFlight.release(CLIENTS);
            bar.close();
            if (failure.get() != null) {
                throw failure.get();
            }
            return (accepted.get() - acceptedAtStart) / (window.toNanos() / 1e9);
        }

        /** One request; a batch answers its accepted count (every item must be accepted), a closure 1. */
        private long post(String path, byte[] body) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = BenchData.postAsProvider(client, url + path, body);
            if (path.endsWith("/batch")) {
                return BenchData.accepted(response);
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return 1;
        }
    }

    static BenchmarkReport report(Measured m) {
        Step best = m.best();
        BenchmarkReport.Builder report = new BenchmarkReport.Builder(KEY, TITLE).method(method());
        double rate = best == null ? 0 : best.rate();
        report.row("events/s that credit and search both keep within " + (int) LAG_LIMIT_SECONDS + " s of lag",
                Stats.rate(rate, "events"), Stats.rate(m.ingestAlone(), "events") + " (ingest alone, same HTTP path)",
                Stats.ratio(rate, m.ingestAlone()), Stats.atLeast(rate, 10_000, "≥ 10,000 events/s"),
                new Stats.Figure(rate, v -> Stats.rate(v, "events")));
        if (best != null) {
            report.row("event → award at that rate, p50 / p95 / p99", Stats.triple(best.awards()), "—", "—", "—",
                    new Stats.Figure(Stats.percentile(best.awards(), 99), v -> "p99 " + Stats.millis(v)));
            report.row("event → searchable at that rate, p50 / p95 / p99", Stats.triple(best.searchable()), "—", "—", "—",
                    new Stats.Figure(Stats.percentile(best.searchable(), 95), v -> "p95 " + Stats.millis(v)));
        }
        report.note("Rates tried: " + String.join("; ", m.steps().stream().map(s -> String.format(
                "%,d/s %s (accepted %,.0f/s, largest lag credit %,d and search %,d events)", s.rate(),
                s.held() ? "held" : "not held", s.accepted(), s.creditLag(), s.searchLag())).toList()) + ".");
        return report.build();
    }

    private static String method() {
        return """
                ingest-service, credit-service and search-service run as processes (`-Xmx512m`, profile `local`) beside the
                broker, the registry and Elasticsearch, all on this machine. %,d licensees and %,d running sessions
                (three-hour courses that began an hour ago) are on the topics first. %d client connections POST
                batches of %d events to `/v1/attendance/batch` with a provider's key, paced to a rate. The mix goes
                pair by pair: each licensee-session pair gets 2 to 10 events (a JOINED and a LEFT per visit, with a
                `connectionId` per device, so a second visit is a reconnect), one pair in ten gets 40; after %d pairs a
                session is closed by its provider (`POST /v1/sessions/{id}/close`), so credit finalises it at once, with
                awards, certificates and compliance. Up to %d times a second (at most one per batch) an event is a sample: a JOINED in a
                session closed yesterday, which credit awards at once and search indexes; it is timed from its batch's
                send to its award on `accrue.credits` (read_committed) and to a search finding it. Each rate runs %s of
                warm-up and then the measured window; it holds when ingest accepted at least 95%% of the rate and
                neither consumer group's lag on `accrue.attendance` reached %d seconds' worth of events at any
                one-second check. Rates start at the first and grow by half until one does not hold. The baseline is
                the same sender with credit-service and search-service stopped, as fast as ingest takes it."""
                .formatted(LICENSEES, SESSIONS, CLIENTS, BATCH, PAIRS_PER_SESSION, SAMPLES_PER_SECOND,
                        Progress.seconds(WARMUP), (int) LAG_LIMIT_SECONDS);
    }

    private static String licenseeId(int n) {
        return String.format("bench-pipe-lic-%05d", n);
    }
}
