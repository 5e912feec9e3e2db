package dev.accrue.bench;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.CreditAward;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.ServiceFleet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Latency under a steady load, produced straight to the attendance topic at a fixed rate: from an
 * attendance event to its award on the credits topic when the session is already closed (credit is
 * final at once), and from an event to the moment a search finds it. Sampled events are timed from
 * the producer's send; a plain consumer timing the same samples on the attendance topic gives the
 * transport's own latency under the same load as the baseline.
 */
final class LatencyBenchmark {

    static final String KEY = "latency";
    static final String TITLE = "Latency: event to award, and event to searchable";
    private static final String CREDIT_GROUP = "accrue-credit-service";
    private static final int LICENSEES = 2_000;
    private static final int OPEN_SESSIONS = 8;
    private static final int CLOSED_SESSIONS = 8;
    private static final int SAMPLES_PER_SECOND = 10;
    private static final int AWARD_RATE = 200;
    private static final int SEARCH_RATE = 5_000;
    private static final long SEARCH_POLL_MILLIS = 50;
    /** The longest warm-up: a consumer still behind by then cannot sustain the rate, and is not measured. */
    private static final Duration MAX_WARMUP = Duration.ofMinutes(5);

    private final BenchContext context;
    private final Duration warmup;
    private final Duration measure;

    LatencyBenchmark(BenchContext context, Duration measure) {
        this.context = context;
        this.warmup = Duration.ofSeconds(10);
        this.measure = measure;
    }

    /** What one load phase achieved, and the consumer group's lag (events not yet committed) when measuring began and ended. */
    record Load(long sent, long measuredSent, double measuredSeconds, double steadyAfterSeconds, long lagAtStart, long lagAtEnd) {
        double rate() {
            return measuredSent / measuredSeconds;
        }
    }

    private interface EventSource {
        AttendanceEvent event(int n);
    }

    /** One phase's sample latencies, the medians of its first and last thirds, the transport's, and its load. */
    record Phase(List<Double> latencies, double[] trend, List<Double> transport, long missing, Load load) {
    }

    record Measured(Phase award, Phase search) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             BenchElastic elastic = new BenchElastic(context.endpoints().elasticsearchUrl());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            List<Session> open = new ArrayList<>();
            List<Session> closed = new ArrayList<>();
            Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(16, 0).toInstant(ZoneOffset.UTC);
            for (int s = 0; s < OPEN_SESSIONS; s++) {
                BenchEvents.Course course = BenchEvents.COURSES.get(s % BenchEvents.COURSES.size());
                // Running now: it cannot be finalised by the timers during the run.
                open.add(BenchEvents.liveSession("bench-live-" + s, "acme", course, now.minus(30, ChronoUnit.MINUTES)));
                closed.add(BenchEvents.liveSession("bench-closed-" + s, "northwind", course, yesterday.minus(s, ChronoUnit.HOURS)));
            }
            Progress.step("Producing %,d licensees, %d running and %d closed sessions", LICENSEES, OPEN_SESSIONS, CLOSED_SESSIONS);
            List<LicenseeProfile> profiles = new ArrayList<>();
            for (int i = 0; i < LICENSEES; i++) {
                profiles.add(BenchEvents.licensee(licenseeId(i), i));
            }
            BenchEvents.publishWorld(producer, profiles, open, closed);

            ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.CREDIT, ServiceFleet.Service.SEARCH));
            long licenseesOnTopic = kafka.endOffsetSum(BenchKafka.LICENSEES);
            Sampler.await("credit-service has read the licensees and search-service has indexed the sessions", Duration.ofMinutes(2),
                    () -> kafka.committedSum(CREDIT_GROUP, BenchKafka.LICENSEES) >= licenseesOnTopic
                            && elastic.count("accrue-sessions") >= OPEN_SESSIONS + CLOSED_SESSIONS);

            // Phase 1: awards for late attendance in closed sessions, under a steady background load.
            Progress.step("Phase 1: %,d events/s for %s (%s warm-up), %d samples/s each a JOINED in a closed session",
                    AWARD_RATE, Progress.seconds(measure), Progress.seconds(warmup), SAMPLES_PER_SECOND);
            List<Double> awards;
            double[] awardTrend;
            List<Double> awardTransport;
            long awardsMissing;
            Load awardLoad;
            try (var awardProbe = new LatencyProbes.TopicProbe<>("awards", kafka, BenchKafka.CREDITS, CreditAward.class, true,
                    a -> a.getLicenseeId() + "|" + a.getSessionId(), LatencyProbes.Sample::pair);
                 var transport = new LatencyProbes.TopicProbe<>("attendance", kafka, BenchKafka.ATTENDANCE, AttendanceEvent.class,
                         false, AttendanceEvent::getEventId, LatencyProbes.Sample::eventId)) {
                awardProbe.start();
                transport.start();
                awardLoad = drive(producer, AWARD_RATE, List.of(awardProbe, transport), lag(kafka, CREDIT_GROUP), background(open, "a"),
                        k -> BenchEvents.attendance("lat-award-" + k, closed.get((k / LICENSEES) % CLOSED_SESSIONS).getSessionId(),
                                licenseeId(k % LICENSEES), AttendanceType.JOINED,
                                closed.get((k / LICENSEES) % CLOSED_SESSIONS).getStartsAt().minus(1, ChronoUnit.MINUTES)));
                awardProbe.drain(Duration.ofSeconds(30));
                transport.drain(Duration.ofSeconds(5));
                awards = awardProbe.latencies();
                awardTrend = awardProbe.firstAndLastThirdMedians();
                awardTransport = transport.latencies();
                awardsMissing = awardProbe.pendingMeasured();
            }
            Progress.step("Award latency p50/p95/p99: %s", Stats.triple(awards));

            fleet.stop(ServiceFleet.Service.CREDIT);
            Progress.step("credit-service stopped; phase 2 measures search alone");
            long attendanceSoFar = kafka.endOffsetSum(BenchKafka.ATTENDANCE);
            Sampler.await("search-service has indexed the %,d events so far".formatted(attendanceSoFar), Duration.ofMinutes(3),
                    () -> elastic.count("accrue-attendance") >= attendanceSoFar);

            // Phase 2: searchable at 5,000 events/s.
            Progress.step("Phase 2: %,d events/s for %s (%s warm-up), %d samples/s searched for every %d ms",
                    SEARCH_RATE, Progress.seconds(measure), Progress.seconds(warmup), SAMPLES_PER_SECOND, SEARCH_POLL_MILLIS);
            List<Double> searchable;
            double[] searchTrend;
            List<Double> searchTransport;
            long searchMissing;
            Load searchLoad;
            try (var searchProbe = new LatencyProbes.SearchProbe(elastic, "accrue-attendance", SEARCH_POLL_MILLIS);
                 var transport = new LatencyProbes.TopicProbe<>("attendance", kafka, BenchKafka.ATTENDANCE, AttendanceEvent.class,
                         false, AttendanceEvent::getEventId, LatencyProbes.Sample::eventId)) {
                searchProbe.start();
                transport.start();
                searchLoad = drive(producer, SEARCH_RATE, List.of(searchProbe, transport), lag(kafka, BenchKafka.SEARCH_GROUP), background(open, "s"),
                        k -> BenchEvents.attendance("lat-search-" + k, open.get(k % OPEN_SESSIONS).getSessionId(),
                                licenseeId(k % LICENSEES), AttendanceType.JOINED, Instant.now()));
                searchProbe.drain(Duration.ofSeconds(30));
                transport.drain(Duration.ofSeconds(5));
                searchable = searchProbe.latencies();
                searchTrend = searchProbe.firstAndLastThirdMedians();
                searchTransport = transport.latencies();
                searchMissing = searchProbe.pendingMeasured();
            }
            Progress.step("Searchable latency p50/p95/p99: %s", Stats.triple(searchable));

            return new Measured(new Phase(awards, awardTrend, awardTransport, awardsMissing, awardLoad),
                    new Phase(searchable, searchTrend, searchTransport, searchMissing, searchLoad));
        }
    }

    BenchmarkReport report(Measured m) {
        List<Double> awards = m.award().latencies();
        double[] awardTrend = m.award().trend();
        List<Double> awardTransport = m.award().transport();
        long awardsMissing = m.award().missing();
        Load awardLoad = m.award().load();
        List<Double> searchable = m.search().latencies();
        double[] searchTrend = m.search().trend();
        List<Double> searchTransport = m.search().transport();
        long searchMissing = m.search().missing();
        Load searchLoad = m.search().load();
        double awardP99 = Stats.percentile(awards, 99);
        double searchP95 = Stats.percentile(searchable, 95);
        return new BenchmarkReport.Builder(KEY, TITLE)
                .method(method())
                .row("event → award after finalization, p50 / p95 / p99 (at " + String.format("%,d", AWARD_RATE) + " events/s)",
                        Stats.triple(awards), Stats.triple(awardTransport) + " (Kafka produce → consume)",
                        "p99 " + Stats.ratio(awardP99, Stats.percentile(awardTransport, 99)) + "×",
                        Stats.atMost(awardP99, 1000, "p99 < 1 s"), new Stats.Figure(awardP99, v -> "p99 " + Stats.millis(v)))
                .row("event → searchable, p50 / p95 / p99 (at " + String.format("%,d", SEARCH_RATE) + " events/s)",
                        Stats.triple(searchable), Stats.triple(searchTransport) + " (Kafka produce → consume)",
                        "p95 " + Stats.ratio(searchP95, Stats.percentile(searchTransport, 95)) + "×",
                        Stats.atMost(searchP95, 2000, "p95 < 2 s"), new Stats.Figure(searchP95, v -> "p95 " + Stats.millis(v)))
                .note(String.format("Phase 1 was steady (credit-service's lag under one second's worth of events) after "
                                + "%.1f s of warm-up, then sent %,d events/s over the measured %.0f s; %d award samples timed, %d without an award "
                                + "after 30 s. Median award latency of the samples sent in the first third of the measured time: %s; "
                                + "in the last third: %s. credit-service's lag on `%s` when measuring began: %,d events; when it "
                                + "ended: %,d (a lag of seconds' worth of events means it could not keep up with this load here).",
                        awardLoad.steadyAfterSeconds(), Math.round(awardLoad.rate()), awardLoad.measuredSeconds(), awards.size(),
                        awardsMissing,
                        Stats.millis(awardTrend[0]), Stats.millis(awardTrend[1]), BenchKafka.ATTENDANCE,
                        awardLoad.lagAtStart(), awardLoad.lagAtEnd()))
                .note(String.format("Phase 2 was steady after %.1f s of warm-up, then sent %,d events/s over the measured %.0f s; "
                                + "%d search samples timed, %d not found after "
                                + "30 s. Median of the first third: %s; of the last third: %s. search-service's lag when measuring "
                                + "began: %,d events; when it ended: %,d.",
                        searchLoad.steadyAfterSeconds(), Math.round(searchLoad.rate()), searchLoad.measuredSeconds(),
                        searchable.size(), searchMissing,
                        Stats.millis(searchTrend[0]), Stats.millis(searchTrend[1]), searchLoad.lagAtStart(), searchLoad.lagAtEnd()))
                .note("Ratios compare each latency with the transport's latency for the same samples; the goal column gives the "
                        + "measured percentile as a fraction of the issue's limit.")
                .build();
    }

    private String method() {
        return """
                %,d licensees, %d sessions running now and %d sessions from yesterday that their provider has
                closed are on the topics before credit-service and search-service start (both as processes,
                `-Xmx512m`, profile `local`). A producer with ingest's settings then writes attendance straight
                to `accrue.attendance` at a fixed rate (JOINED and LEFT events of the running sessions), and
                %d times a second one of them is a sample, timed from the moment it is handed to the producer.
                **Phase 1**, both services running, %,d events/s: each sample is a JOINED of a new licensee
                in a closed session, which credit finalises at once; it is timed until its first award
                appears on `accrue.credits` for a read_committed consumer (that is, after the exactly-once
                transaction committed). **Phase 2**, credit-service stopped and search caught up, %,d events/s:
                each sample is timed until a `terms` search on `eventId` in `accrue-attendance` finds it; the
                pending samples are searched every %d ms and an event counts as searchable when the search that
                found it was sent, an upper bound within %d ms. Each phase warms up for at least %s and then
                until the consumer's lag is under one second's worth of events (at most 5 min; a consumer that never
                gets there fails the benchmark instead of being measured while it falls behind), then %s is measured. The baseline is a plain consumer of `accrue.attendance` timing the same
                samples in the same phase: the broker's own produce-to-consume latency under that load."""
                .formatted(LICENSEES, OPEN_SESSIONS, CLOSED_SESSIONS, SAMPLES_PER_SECOND, AWARD_RATE, SEARCH_RATE,
                        SEARCH_POLL_MILLIS, SEARCH_POLL_MILLIS, Progress.seconds(warmup), Progress.seconds(measure));
    }

    /** Attendance events the group has not committed yet. */
    private static LongSupplier lag(BenchKafka kafka, String group) {
        return () -> kafka.lag(group, BenchKafka.ATTENDANCE);
    }

    /** JOINED, then LEFT, for every licensee in every running session, round after round, with new event ids. */
    private EventSource background(List<Session> open, String phase) {
        return n -> {
            int pairs = LICENSEES * OPEN_SESSIONS;
            Session session = open.get((n / LICENSEES) % OPEN_SESSIONS);
            boolean joined = (n / pairs) % 2 == 0;
            return BenchEvents.attendance("lat-" + phase + "-" + n, session.getSessionId(), licenseeId(n % LICENSEES),
                    joined ? AttendanceType.JOINED : AttendanceType.LEFT, Instant.now());
        };
    }

    /**
     * Sends at a fixed rate for warm-up plus the measured time, paced every millisecond; every
     * (rate / samples-per-second)-th event is a sample that the probes expect.
     */
    /**
     * Sends {@code rate} events a second. Warm-up lasts at least {@code warmup} and then until the consumer's lag
     * is under one second's worth of events (checked every half second, off the pacing thread); only then does the
     * measured window of {@code measure} begin. A consumer that is not steady after {@link #MAX_WARMUP} fails the
     * benchmark instead of being measured while it falls behind.
     */
    private Load drive(KafkaProducer<String, SpecificRecord> producer, int rate, List<LatencyProbes.Probe> probes,
                       LongSupplier lag, EventSource background, EventSource samples) throws Exception {
        int sampleEvery = Math.max(1, rate / SAMPLES_PER_SECOND);
        long start = System.nanoTime();
        long warmedUp = start + warmup.toNanos();
        long measuredFrom = Long.MAX_VALUE;
        long end = Long.MAX_VALUE;
        long sent = 0;
        long measuredSent = 0;
        int backgroundN = 0;
        int sampleN = 0;
        long lagAtStart = -1;
        long lastLag = -1;
        long nextLagCheck = warmedUp;
        CompletableFuture<Long> lagCheck = null;
        Progress.Bar bar = Progress.bar("events", (long) rate * (warmup.toSeconds() + measure.toSeconds()));
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            if (measuredFrom == Long.MAX_VALUE && now >= nextLagCheck) {
                if (lagCheck == null) {
                    lagCheck = CompletableFuture.supplyAsync(lag::getAsLong); // off the pacing thread
                } else if (lagCheck.isDone()) {
                    lastLag = lagCheck.get();
                    lagCheck = null;
                    nextLagCheck = now + 500_000_000L;
                    if (lastLag < rate) {
                        measuredFrom = now;
                        end = now + measure.toNanos();
                        lagAtStart = lastLag;
                        Progress.step("Steady after %.1f s (lag %,d events); measuring for %s", (now - start) / 1e9, lastLag,
                                Progress.seconds(measure));
                    } else if (now - start > MAX_WARMUP.toNanos()) {
                        throw new IllegalStateException(String.format("Never steady: after %s the consumer's lag was %,d "
                                + "events, more than one second's worth (%,d) at %,d events/s", Progress.seconds(MAX_WARMUP),
                                lastLag, rate, rate));
                    }
                }
            }
            long due = (long) (rate * ((now - start) / 1e9));
            while (sent < due) {
                boolean measured = System.nanoTime() >= measuredFrom;
                if (sent % sampleEvery == 0) {
                    AttendanceEvent event = samples.event(sampleN++);
                    long at = System.nanoTime();
                    LatencyProbes.Sample sample = new LatencyProbes.Sample(event.getEventId(), event.getLicenseeId(),
                            event.getSessionId(), at, measured);
                    probes.forEach(p -> p.expect(sample));
                    producer.send(new ProducerRecord<>(BenchKafka.ATTENDANCE, event.getLicenseeId(), event));
                } else {
                    AttendanceEvent event = background.event(backgroundN++);
                    producer.send(new ProducerRecord<>(BenchKafka.ATTENDANCE, event.getLicenseeId(), event));
                }
                sent++;
                if (measured) {
                    measuredSent++;
                }
            }
            bar.update(sent);
            LockSupport.parkNanos(1_000_000);
        }
        long lagAtEnd = lag.getAsLong();
        producer.flush();
        bar.close();
        return new Load(sent, measuredSent, measure.toNanos() / 1e9, (measuredFrom - start) / 1e9, lagAtStart, lagAtEnd);
    }

    private static String licenseeId(int n) {
        return String.format("bench-lic-%05d", n);
    }
}
