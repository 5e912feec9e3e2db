package dev.accrue.bench;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.ServiceFleet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The credit topology's sustained rate with exactly-once processing, against the real broker:
 * attendance is on the topic before credit-service starts, and the clock runs while its consumer
 * group (the Kafka Streams application id) commits its way to the end of the attendance topic.
 * The baseline is a plain read_committed consumer deserializing the same records in the same run.
 */
final class CreditBenchmark {

    static final String KEY = "credit";
    static final String TITLE = "Credit topology throughput with exactly-once processing";
    private static final String GROUP = "accrue-credit-service";
    private static final int SESSIONS = 10;
    /**
     * The production finalization timers instead of the local profile's seconds: with a 3 s quiet
     * period, any pause of the stream thread longer than that (a slow transaction commit on a busy
     * machine) finalises every session mid-stream, and each later event then becomes a revision with
     * its certificate and compliance work, which is not the steady state this figure is about.
     */
    static final List<String> PRODUCTION_TIMERS = List.of(
            "-Daccrue.credit.streams.finalization-grace=30m", "-Daccrue.credit.streams.quiet-period=5m");

    private final BenchContext context;
    private final int events;

    CreditBenchmark(BenchContext context, int events) {
        this.context = context;
        this.events = events - events % (2 * SESSIONS);
    }

    /** What one run measured: the topology's rate, the baseline's, and what the topology wrote meanwhile. */
    record Measured(int licensees, int events, double baseline, Sampler.Throughput floor, Sampler.Throughput topology,
                    boolean complete, long rejections, long awards) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics();
            int licensees = produce(kafka, producer);

            Progress.step("Baseline: a plain read_committed KafkaConsumer deserializing the same records (one warm-up pass)");
            plainConsumerRate(kafka);
            double baseline = plainConsumerRate(kafka);
            Progress.step("Baseline: %s", Stats.rate(baseline, "events"));
            Progress.step("Floor: a trivial exactly-once Kafka Streams topology (count per licensee in RocksDB) over the same records");
            Sampler.Throughput floor = StreamsFloor.measure(context, kafka, BenchKafka.ATTENDANCE, events);
            Progress.step("Floor: %s", Stats.rate(floor.perSecond(), "events"));

            Progress.step("Starting credit-service; its consumer group %s commits up to the end of %s", GROUP, BenchKafka.ATTENDANCE);
            Progress.Bar bar = Progress.bar("events", events);
            Sampler.Throughput measured;
            boolean complete;
            try (Sampler committed = new Sampler("credit", () -> kafka.committedSum(GROUP, BenchKafka.ATTENDANCE), 100, bar)) {
                context.fleet(List.of(ServiceFleet.Service.CREDIT), PRODUCTION_TIMERS);
                complete = committed.awaitAtLeast(events, Duration.ofSeconds(60 + events / 400));
                bar.close();
                measured = committed.throughput(0, events);
            }
            if (!(measured.seconds() > 0)) {
                throw new IllegalStateException("credit-service committed no attendance offsets (last sample: "
                        + kafka.committedSum(GROUP, BenchKafka.ATTENDANCE) + ")");
            }
            Progress.step("credit-service: %s over %,d events in %.1f s", Stats.rate(measured.perSecond(), "events"),
                    measured.items(), measured.seconds());

            Progress.step("Counting rejections and awards");
            long rejections = RecordCounter.count(kafka, BenchKafka.REJECTIONS, Rejection.class);
            long awards = RecordCounter.count(kafka, BenchKafka.CREDITS, CreditAward.class);
            if (rejections > 0) {
                // A rejected event skips the state and changelog writes this figure is about (an unknown
                // reference, or a session past the accrual retention), so the rate would not mean the same.
                throw new IllegalStateException("credit-service rejected " + rejections + " of " + events
                        + " benchmark events (see " + BenchKafka.REJECTIONS + "); the rate would measure rejections");
            }
            return new Measured(licensees, events, baseline, floor, measured, complete, rejections, awards);
        }
    }

    /**
     * The workload on the topics, before any consumer starts: the licensees, the sessions and every attendance
     * event; returns the number of licensees. The scale-out benchmark reuses it.
     */
    int produce(BenchKafka kafka, KafkaProducer<String, SpecificRecord> producer) throws InterruptedException {
        int licensees = events / (2 * SESSIONS);
        List<Session> sessions = sessions();
        Progress.step("Producing %,d licensees and %d sessions", licensees, sessions.size());
        List<BenchEvents.KeyedRecord> profiles = new ArrayList<>();
        for (int i = 0; i < licensees; i++) {
            profiles.add(new BenchEvents.KeyedRecord(licenseeId(i), BenchEvents.licensee(licenseeId(i), i)));
        }
        BenchEvents.sendAll(producer, BenchKafka.LICENSEES, profiles, Progress.bar("licensees", licensees));
        BenchEvents.sendAll(producer, BenchKafka.SESSIONS,
                sessions.stream().map(s -> new BenchEvents.KeyedRecord(s.getSessionId(), s)).toList(), null);
        Progress.step("Producing %,d attendance events (JOINED and LEFT for %,d licensees in each of %d sessions)",
                events, licensees, SESSIONS);
        produceAttendance(producer, sessions, licensees);
        long onTopic = kafka.endOffsetSum(BenchKafka.ATTENDANCE);
        if (onTopic != events) {
            throw new IllegalStateException("Expected " + events + " attendance records on the topic, found " + onTopic);
        }
        return licensees;
    }

    static BenchmarkReport report(Measured m) {
        double rate = m.topology().perSecond();
        return new BenchmarkReport.Builder(KEY, TITLE)
                .method(method(m))
                .row("attendance events/s with EOS", Stats.rate(rate, "events"),
                        Stats.rate(m.baseline(), "events") + " (plain consumer)", Stats.ratio(rate, m.baseline()),
                        Stats.atLeast(rate, 20_000, "≥ 20,000 events/s"), new Stats.Figure(rate, v -> Stats.rate(v, "events")))
                .row("attendance events/s with EOS, against the Streams floor", Stats.rate(rate, "events"),
                        Stats.rate(m.floor().perSecond(), "events") + " (trivial EOS topology: count per key in RocksDB)",
                        Stats.ratio(rate, m.floor().perSecond()),
                        "≥ 0.5: " + (rate / m.floor().perSecond() >= 0.5 ? "met" : "not met"),
                        new Stats.Figure(rate / m.floor().perSecond(), v -> "ratio " + Stats.ratio(v, 1)))
                .note(String.format("Measured over %,d of %,d events in %.1f s%s.", m.topology().items(), m.events(),
                        m.topology().seconds(), m.complete() ? ""
                                : " — the group had not reached the end offsets when the wait ended, so this is the rate so far"))
                .note(String.format("Records credit-service rejected: %,d (the run fails on any: every event must be applied to known sessions and licensees).",
                        m.rejections()))
                .note(String.format("Award records on `%s` when the run ended: %,d (0 expected: with the production timers no "
                                + "session is finalised during the run; awards are timed in the latency section).",
                        BenchKafka.CREDITS, m.awards()))
                .build();
    }

    private static String method(Measured m) {
        return """
                %,d licensee profiles, %d live-webinar sessions (yesterday, with one to three approval bodies each)
                and %,d attendance events (a JOINED and a LEFT per licensee and session; some late arrivals and
                early leavers) are produced to the broker first, Avro in the Confluent wire format, keyed by
                licensee, with ingest's producer settings. Then credit-service starts as its own process
                (`-Xmx512m`, profile `local`, `processing.guarantee=exactly_once_v2`, commit interval 100 ms, but
                the production finalization timers: 30 min grace, 5 min quiet period), and a
                sampler reads its consumer group's (`%s`) committed offsets on `%s` every 100 ms. The rate runs
                from the first sample with a committed offset to the first sample where committed offsets equal
                the end offsets, so JVM start-up, state restoration and the group join are not counted. No
                session is finalised while it runs (with the local profile's 3 s quiet period, any longer pause of
                the stream thread would finalise all of them mid-stream and turn every later event into a
                revision): this is the rate of applying attendance to per-licensee state, with its changelog
                writes and transactions. The baseline is a plain
                `KafkaConsumer` (read_committed, no group, `ConfluentAvroDeserializer`) reading and deserializing
                the same records from the same topic in the same run, after one warm-up pass; it does no processing,
                no state and no transactions, so the ratio is the cost of the topology over just reading. The floor is
                the least an exactly-once Streams application does with the same records, timed the same way: a count
                per licensee in a RocksDB store with its changelog, one stream thread, `exactly_once_v2`, commit
                interval 100 ms, run inside the benchmark's JVM before credit-service starts (so they never share the
                machine); the ratio to it is what the credit topology costs beyond the transactions and state writes
                any such application pays."""
                .formatted(m.licensees(), SESSIONS, m.events(), GROUP, BenchKafka.ATTENDANCE);
    }

    private List<Session> sessions() {
        Instant day = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(17, 0).toInstant(ZoneOffset.UTC);
        List<Session> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            BenchEvents.Course course = BenchEvents.COURSES.get(s % BenchEvents.COURSES.size());
            sessions.add(BenchEvents.liveSession("bench-credit-" + s, s % 2 == 0 ? "acme" : "northwind", course,
                    day.minus(s, ChronoUnit.HOURS)));
        }
        return sessions;
    }

    /**
     * All JOINED events, then all LEFT events, the sessions interleaved (parallel webinars), so every
     * session keeps receiving attendance until the end and none falls quiet long enough to be finalised early.
     */
    private void produceAttendance(KafkaProducer<String, SpecificRecord> producer, List<Session> sessions, int licensees)
            throws InterruptedException {
        Progress.Bar bar = Progress.bar("events", events);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        for (AttendanceType type : List.of(AttendanceType.JOINED, AttendanceType.LEFT)) {
            for (int l = 0; l < licensees; l++) {
                for (Session session : sessions) {
                    String licensee = licenseeId(l);
                    Instant at = type == AttendanceType.JOINED
                            ? session.getStartsAt().plus(l % 10 == 0 ? 25 : -2, ChronoUnit.MINUTES)   // 10% late
                            : session.getEndsAt().plus(l % 20 == 1 ? -40 : 1, ChronoUnit.MINUTES);   // 5% leave early
                    AttendanceEvent event = BenchEvents.attendance("att-" + session.getSessionId() + "-" + licensee + "-" + type,
                            session.getSessionId(), licensee, type, at);
                    producer.send(new ProducerRecord<>(BenchKafka.ATTENDANCE, licensee, event), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    bar.update(++sent);
                }
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Producing attendance failed", failure.get());
        }
    }

    /** Events/s of a plain consumer reading every attendance record from the start, from its first non-empty poll. */
    private double plainConsumerRate(BenchKafka kafka) {
        try (KafkaConsumer<String, AttendanceEvent> consumer = kafka.consumer(AttendanceEvent.class, true)) {
            List<TopicPartition> partitions = kafka.partitions(BenchKafka.ATTENDANCE);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = 0;
            long firstPoll = 0;
            long checksum = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (read < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, AttendanceEvent> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && start == 0) {
                    start = System.nanoTime();
                    firstPoll = records.count(); // fetched before the clock started, as the sampler's first value
                }
                for (var record : records) {
                    checksum += record.value().getEventId().length(); // use the decoded value
                    read++;
                }
            }
            if (read < events || checksum == 0) {
                throw new IllegalStateException("The baseline consumer read " + read + " of " + events + " records");
            }
            return (read - firstPoll) / Progress.elapsed(start);
        }
    }


    private static String licenseeId(int n) {
        return String.format("bench-lic-%06d", n);
    }
}
