package dev.accrue.bench;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Indexing throughput: sessions, attendance and awards are on their topics before search-service
 * starts; the clock runs from the first document Elasticsearch shows to the last. The baseline is a
 * plain {@code BulkIngester} loop indexing the very documents the service wrote (read back from its
 * indices) into separate indices with the same mappings on the same node, measured the same way.
 * Equal workloads produced while the same process runs measure it warm as well, each round against
 * its own baseline. All rounds' documents are held in memory (as JSON bytes) for the baselines, which
 * fits the bench's 3 GB heap (set in {@code ./accrue}) at the default size; much larger scales would need reading back
 * per round.
 */
final class IndexingBenchmark {

    static final String KEY = "indexing";
    static final String TITLE = "Indexing: Kafka to Elasticsearch, against a raw BulkIngester loop";
    private static final List<String> INDICES = List.of("accrue-sessions", "accrue-attendance", "accrue-participations",
            "accrue-enrolments",
            "accrue-awards");
    private static final String ALL_INDICES = String.join(",", INDICES);
    private static final String BASELINE_PREFIX = "bench-raw-";
    private static final List<String> INDEXED_TOPICS = List.of(BenchKafka.SESSIONS, BenchKafka.ATTENDANCE, BenchKafka.CREDITS);
    private static final int SESSIONS = 50;
    private static final int LICENSEES = 5_000;

    private final BenchContext context;
    private final int attendance;
    private final int awards;

    IndexingBenchmark(BenchContext context, int attendance) {
        this.context = context;
        this.attendance = attendance;
        this.awards = Math.min(attendance / 5, SESSIONS * LICENSEES);
    }

    /**
     * The cold run (service throughput, whether it finished, the compiler's share, its comparison), each warm
     * round's comparison and the median one, and what the service wrote.
     */
    record Measured(long expected, Sampler.Throughput service, boolean complete, JitShare coldJit, Comparison cold,
                    List<Comparison> rounds, Comparison median, long[] perIndex, long deadLetters) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        long enrolments = enrolments();
        long expected = SESSIONS + attendance + participations() + enrolments + awards;
        // A warm round's licensees take the same courses: their enrolments are there already.
        long perWarmRound = expected - enrolments;
        long total = expected + WARM_ROUNDS * perWarmRound;
        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             BenchElastic elastic = new BenchElastic(context.endpoints().elasticsearchUrl());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics();
            warmUp(kafka, producer, elastic, expected);
            long warmUpDeadLetters = kafka.endOffsetSum(BenchKafka.SEARCH_DEAD_LETTERS);
            produce(producer, FIRST);

            Progress.step("Starting search-service; it indexes %,d sessions, attendance events and awards", expected);
            Progress.Bar bar = Progress.bar("docs", expected);
            Sampler.Throughput service;
            List<Sampler.Throughput> warm = new ArrayList<>();
            boolean complete;
            JitShare coldJit;
            try (Sampler counts = new Sampler("indexing", () -> elastic.count(ALL_INDICES), 200, bar)) {
                ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.SEARCH));
                long pid = fleet.pids().get(ServiceFleet.Service.SEARCH);
                try (Sampler compilerCpu = new Sampler("jit", () -> compilerCpuMillis(pid), 200, null)) {
                    complete = counts.awaitAtLeast(expected, Duration.ofSeconds(60 + expected / 500));
                    bar.close();
                    service = counts.throughput(0, expected);
                    coldJit = JitShare.over(compilerCpu, service);
                }
                Progress.step("search-service: %s over %,d documents in %.1f s; %s", Stats.rate(service.perSecond(), "docs"),
                        service.items(), service.seconds(), coldJit);
                long pendingSince = System.nanoTime();
                long pending = awaitResolved(elastic);
                double resolveSeconds = Progress.elapsed(pendingSince);
                Progress.step("Attendance still waiting for its session: %,d (%.1f s after the count)", pending, resolveSeconds);

                // The same workload again (new sessions, events and awards) for the same, now warmed-up, process.
                long indexed = expected;
                for (int round = 1; round <= WARM_ROUNDS; round++) {
                    Progress.step("Warm round %d of %d: producing an equal workload while search-service runs", round, WARM_ROUNDS);
                    produce(producer, WARM + round);
                    // Measured from here on: while the bench produces, its producer and the broker share the two
                    // cores with the service and Elasticsearch, which the baseline's loop does not have to.
                    long produced = Math.max(indexed, counts.last());
                    long target = indexed + perWarmRound;
                    if (!counts.awaitAtLeast(target, Duration.ofSeconds(60 + expected / 500))) {
                        throw new IllegalStateException("Warm round " + round + " was not indexed in time: "
                                + (counts.last() - indexed) + " of " + perWarmRound + " documents");
                    }
                    Sampler.Throughput measured = counts.throughput(produced, target);
                    warm.add(measured);
                    Progress.step("search-service, warm round %d: %s over %,d documents in %.1f s", round,
                            Stats.rate(measured.perSecond(), "docs"), measured.items(), measured.seconds());
                    awaitResolved(elastic);
                    indexed = target;
                }
                fleet.stop(ServiceFleet.Service.SEARCH); // the baseline runs without it
            }
            long deadLetters = kafka.endOffsetSum(BenchKafka.SEARCH_DEAD_LETTERS) - warmUpDeadLetters;
            long[] perIndex = INDICES.stream().mapToLong(elastic::count).toArray();

            Progress.step("Reading back the service's documents for the baseline");
            Map<Integer, List<StoredDoc>> byRound = readBack(elastic, total).stream()
                    .collect(Collectors.groupingBy(IndexingBenchmark::round));
            for (String index : INDICES) {
                elastic.createLike(index, BASELINE_PREFIX + index);
            }
            List<StoredDoc> first = byRound.getOrDefault(0, List.of());
            Progress.step("Baseline: a BulkIngester loop indexing the same %,d documents into %s* (same mappings)", first.size(),
                    BASELINE_PREFIX);
            Comparison cold = new Comparison(service, baseline(elastic, first, 0));
            Progress.step("Baseline: %s", Stats.rate(cold.baseline().perSecond(), "docs"));
            List<Comparison> rounds = new ArrayList<>();
            long before = first.size();
            for (int round = 1; round <= WARM_ROUNDS; round++) {
                List<StoredDoc> docs = byRound.getOrDefault(round, List.of());
                rounds.add(new Comparison(warm.get(round - 1), baseline(elastic, docs, before)));
                before += docs.size();
                Progress.step("Baseline, warm round %d: %s", round, Stats.rate(rounds.get(round - 1).baseline().perSecond(), "docs"));
            }
            // The round with the median ratio stands for the warm process: the host is shared, and one round can
            // fall on a busy moment on either side.
            Comparison median = rounds.stream().sorted(Comparator.comparingDouble(Comparison::ratio)).toList()
                    .get(WARM_ROUNDS / 2);
            return new Measured(expected, service, complete, coldJit, cold, rounds, median, perIndex, deadLetters);
        }
    }

    BenchmarkReport report(Measured m) {
        Sampler.Throughput service = m.service();
        Comparison cold = m.cold();
        Comparison median = m.median();
        List<Comparison> rounds = m.rounds();
        long[] perIndex = m.perIndex();
        boolean complete = m.complete();
        JitShare coldJit = m.coldJit();
        long deadLetters = m.deadLetters();
        return new BenchmarkReport.Builder(KEY, TITLE)
                .method(method(m.expected()))
                .row("documents/s, Kafka to searchable, sustained: warm process (round with the median ratio of %d)"
                                .formatted(WARM_ROUNDS),
                        Stats.rate(median.service().perSecond(), "docs"),
                        Stats.rate(median.baseline().perSecond(), "docs") + " (BulkIngester loop)", median.ratioText(),
                        median.goal(), new Stats.Figure(median.ratio(), v -> "ratio " + Stats.ratio(v, 1)),
                        rounds.stream().map(Comparison::ratio).toList())
                .row("documents/s, Kafka to searchable, first workload after a cold start (JIT warm-up included)",
                        Stats.rate(service.perSecond(), "docs"),
                        Stats.rate(cold.baseline().perSecond(), "docs") + " (BulkIngester loop)", cold.ratioText(),
                        (cold.ratio() >= 0.8 ? "≥ 0.8" : "< 0.8")
                                + " (start-up figure; the goal is judged on the sustained rate)",
                        new Stats.Figure(cold.ratio(), v -> "ratio " + Stats.ratio(v, 1)))
                .note(String.format("Cold: service measured over %,d documents in %.1f s%s; baseline over %,d in %.1f s. "
                                + "Meanwhile %s.",
                        service.items(), service.seconds(),
                        complete ? "" : " (it had not indexed them all when the wait ended: the rate so far)",
                        cold.baseline().items(), cold.baseline().seconds(), coldJit))
                .note("Warm rounds: " + rounds.stream().map(r -> String.format(
                        "%s (service %s over %.1f s, baseline %s over %.1f s)", r.ratioText(),
                        Stats.rate(r.service().perSecond(), "docs"), r.service().seconds(),
                        Stats.rate(r.baseline().perSecond(), "docs"), r.baseline().seconds()))
                        .collect(Collectors.joining("; ")) + "."
                        + (rounds.stream().anyMatch(Comparison::underTenSeconds)
                                ? " A round took under 10 s: the 1 s refresh steps at its ends weigh on its ratio; a larger"
                                + " `--scale` measures it better." : ""))
                .note(String.format("Documents the service wrote (all workloads): %,d sessions, %,d attendance, %,d participations, "
                        + "%,d enrolments, %,d awards; dead letters: %,d.", perIndex[0], perIndex[1], perIndex[2], perIndex[3],
                        perIndex[4], deadLetters))
                .build();
    }

    private String method(long expected) {
        return """
                %d live sessions, %,d attendance events (for %,d licensees) and %,d credit awards are produced
                to `accrue.sessions`, `accrue.attendance` and `accrue.credits` first (Avro, Confluent wire format).
                Then search-service starts as its own process (`-Xmx512m`, profile `local`: bulks of 1,000
                operations, 2 in flight, 200 ms flush, 2 poll batches in flight per consumer) and indexes
                them: attendance denormalised with its session, a participation document per licensee and
                session joined and an enrolment per licensee and course, awards versioned by revision, offsets
                committed once Elasticsearch accepted a batch and every batch before it. A sampler counts the
                documents in its five indices (`_count`,
                every 200 ms); the rate runs from the first sample with a document to the first with all %,d. The baseline reads those very documents back
                (so it writes the same JSON), creates `%s<index>` with the same mappings and settings on the same
                node, stops the service, and indexes them with a plain `BulkIngester` loop using the service's
                bulk settings (1,000 operations, 5 MB, 2 concurrent requests, 200 ms flush, answers trimmed to
                each item's index, status and error with `filter_path`; the client
                serialises each document, awards carry their revision as external version, participations and
                enrolments the version the service gave them, `external`), counted the same
                way. The ratio is what consuming Kafka, decoding Avro and building the documents costs on top of
                bulk indexing itself. Both are subject to the same 1 s refresh interval.
                Before anything is measured, an equal throwaway workload goes through a search-service that
                is stopped once it has indexed it and committed its offsets, and its documents are deleted:
                Elasticsearch has then compiled every path the service uses (these mappings, external
                versions, real-time multi-get), so its JIT warm-up is charged to neither side. The cold row
                starts a new service process, resuming after those offsets (its JIT compilation and the
                first pending attendance fall into the measured time; its JVM start does not, as the clock
                starts at the first document). For the sustained
                row, once the first workload is in, %d more equal workloads (new sessions, events and
                awards, same shape; the same licensees and courses, so no new enrolments) are produced one
                after the other while the same process runs; each is measured the same way, from the first
                sample after the bench finished producing it (until then the producer and the broker's intake
                share the two cores, which the baseline's loop does not have to) to its last document. Each
                round's baseline is the same loop indexing that round's documents, in the same order as the
                service's rounds, timed from its first visible documents (so the service's window opens with
                its pipeline already running, the loop's once its first bulks are in);
                the row shows the round with the median ratio, the notes every round.
                The goal (at least 0.8 of the loop) is read as a throughput, a sustained rate, so it is judged
                on the warm rounds. The cold row is the start-up figure: a freshly started JVM first runs its
                hot code interpreted or lightly compiled, and compiles it while it indexes, on two cores shared
                with Elasticsearch (the notes give the compiler threads' CPU time). The default workload makes each
                measured round last 10 s or more on a 2-core machine (the notes give each round's time): with
                a third of it, rounds of 5 to 9 s were decided largely by where the 1 s refresh steps fell at
                their ends and by busy moments on the shared host (ratios of 0.5 to 1.0 for one build)."""
                .formatted(SESSIONS, attendance, attendees(), awards, expected, BASELINE_PREFIX, WARM_ROUNDS);
    }

    /** The licensees the attendance events are for. */
    private long attendees() {
        return IntStream.range(0, attendance).map(IndexingBenchmark::licensee).distinct().count();
    }

    /** The licensee-session pairs with a JOINED among the events {@link #produce} sends: one participation document each. */
    private long participations() {
        return distinctJoined(i -> licenseeId(licensee(i)) + "|" + i % SESSIONS);
    }

    /** The licensee-course pairs with a JOINED (a session's course is its provider's and course's): one enrolment document each. */
    private long enrolments() {
        return distinctJoined(i -> licenseeId(licensee(i)) + "|" + provider(i % SESSIONS) + "/" + course(i % SESSIONS).courseId());
    }

    /** How many distinct keys the JOINED events among those {@link #produce} sends have. */
    private long distinctJoined(IntFunction<String> key) {
        return IntStream.range(0, attendance).filter(IndexingBenchmark::joined).mapToObj(key).distinct().count();
    }

    private static String provider(int session) {
        return session % 2 == 0 ? "acme" : "northwind";
    }

    private static BenchEvents.Course course(int session) {
        return BenchEvents.COURSES.get(session % BenchEvents.COURSES.size());
    }

    private static boolean joined(int i) {
        return (i / SESSIONS) % 2 == 0;
    }

    private static int licensee(int i) {
        return (i / SESSIONS / 2) % LICENSEES;
    }

    /** Warm rounds after the first workload (with one, a busy moment on the shared host would decide the figure). */
    private static final int WARM_ROUNDS = 3;

    /** Each workload's tag, which its session and event ids carry (see {@link #sessionId} and {@link #eventId}). */
    private static final String FIRST = "c";
    private static final String WARM = "w";

    /** The workload a document came from: 0 for the first, else its warm round (enrolments all come from the first). */
    private static int round(StoredDoc doc) {
        for (int round = 1; round <= WARM_ROUNDS; round++) {
            // Participation and award ids contain their session's id; attendance ids are their event's.
            if (doc.id().contains(sessionId(WARM + round, "")) || doc.id().startsWith(eventId(WARM + round, ""))) {
                return round;
            }
        }
        return 0;
    }

    private static String sessionId(String tag, Object n) {
        return "bench-index-" + tag + "-" + n;
    }

    private static String eventId(String tag, Object n) {
        return "idx-" + tag + "-" + n;
    }

    private List<Session> produce(KafkaProducer<String, SpecificRecord> producer, String tag) {
        Instant firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(SESSIONS + 1).atTime(16, 0).toInstant(ZoneOffset.UTC);
        List<Session> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            sessions.add(BenchEvents.liveSession(sessionId(tag, s), provider(s), course(s),
                    firstDay.plus(s, ChronoUnit.DAYS)));
        }
        Progress.step("Producing %d sessions, %,d attendance events and %,d awards", SESSIONS, attendance, awards);
        BenchEvents.sendAll(producer, BenchKafka.SESSIONS,
                sessions.stream().map(s -> new BenchEvents.KeyedRecord(s.getSessionId(), s)).toList(), null);
        List<BenchEvents.KeyedRecord> events = new ArrayList<>(attendance);
        for (int i = 0; i < attendance; i++) {
            Session session = sessions.get(i % SESSIONS);
            String licensee = licenseeId(licensee(i));
            boolean joined = joined(i);
            Instant at = joined ? session.getStartsAt().minus(2, ChronoUnit.MINUTES) : session.getEndsAt().plus(1, ChronoUnit.MINUTES);
            events.add(new BenchEvents.KeyedRecord(licensee, BenchEvents.attendance(eventId(tag, i), session.getSessionId(), licensee,
                    joined ? AttendanceType.JOINED : AttendanceType.LEFT, at)));
        }
        BenchEvents.sendAll(producer, BenchKafka.ATTENDANCE, events, Progress.bar("events", attendance));
        List<BenchEvents.KeyedRecord> credits = new ArrayList<>(awards);
        for (int i = 0; i < awards; i++) {
            Session session = sessions.get(i % SESSIONS);
            String licensee = licenseeId((i / SESSIONS) % LICENSEES);
            credits.add(new BenchEvents.KeyedRecord(licensee, BenchEvents.award(session, licensee, session.getEndsAt())));
        }
        BenchEvents.sendAll(producer, BenchKafka.CREDITS, credits, Progress.bar("awards", awards));
        return sessions;
    }

    /** Waits (up to a minute) until no attendance document waits for its session; returns how many still do. */
    private static long awaitResolved(BenchElastic elastic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long pending;
        do {
            elastic.refresh("accrue-attendance");
            pending = elastic.count("accrue-attendance", "{\"term\":{\"sessionResolved\":false}}");
            if (pending > 0) {
                Thread.sleep(500); // polling interval
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        return pending;
    }

    /** The service's run over some documents and the baseline loop's run over the same documents. */
    private record Comparison(Sampler.Throughput service, Sampler.Throughput baseline) {

        double ratio() {
            return service.perSecond() / baseline.perSecond();
        }

        String ratioText() {
            return Stats.ratio(service.perSecond(), baseline.perSecond());
        }

        String goal() {
            return "≥ 0.8: " + (ratio() >= 0.8 ? "met" : "not met");
        }

        /** Whether either side took under 10 s, where a 1 s refresh step is a tenth of the time measured. */
        boolean underTenSeconds() {
            return service.seconds() < 10 || baseline.seconds() < 10;
        }
    }

    /**
     * The CPU time the service's JIT compiler threads used over a stretch of a measured window (from the first
     * sample of their CPU taken in it, as sampling starts once the service reports healthy), or unknown.
     */
    private record JitShare(double cpuSeconds, double wallSeconds) {

        static JitShare over(Sampler compilerCpu, Sampler.Throughput window) {
            Sampler.Sample from = compilerCpu.at(window.fromNanos());
            Sampler.Sample to = compilerCpu.at(window.toNanos());
            if (from == null || from.value() < 0 || to.nanos() <= from.nanos()) {
                return new JitShare(Double.NaN, Double.NaN);
            }
            return new JitShare((to.value() - from.value()) / 1000.0, (to.nanos() - from.nanos()) / 1e9);
        }

        @Override
        public String toString() {
            return Double.isNaN(cpuSeconds) ? "the JIT compiler's CPU time is unknown (no /proc)"
                    : String.format("the service's JIT compiler threads used %.1f s of CPU in %.1f s of its window, "
                            + "%.0f%% of one of the two cores", cpuSeconds, wallSeconds, 100 * cpuSeconds / wallSeconds);
        }
    }

    /**
     * CPU time (user and system, in ms) of a JVM's JIT compiler threads so far, from Linux's per-thread
     * {@code /proc/<pid>/task/<tid>/stat} (HotSpot names them "C1/C2 CompilerThreadN", cut to 15
     * characters); -1 where there is no /proc. On two cores HotSpot runs one of each, and they never exit.
     */
    private static long compilerCpuMillis(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    // After the name: state (field 3) ... utime (14) and stime (15), in clock ticks.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 10; // Linux's USER_HZ is 100 ticks per second
    }

    /**
     * A document as the service stored it. The source is kept as JSON bytes (all rounds' documents are held
     * at once) and read into a tree just before its round's baseline, outside the measured time.
     */
    record StoredDoc(String index, String id, long version, byte[] source) {
    }

    /** The warm-up round's tag; its documents are deleted before anything is measured. */
    private static final String WARM_UP = "u";

    /**
     * A throwaway round of the same workload through a search-service that is stopped once its offsets are
     * committed, so that Elasticsearch's JIT warm-up is charged to neither side (the report's method says more).
     */
    private void warmUp(BenchKafka kafka, KafkaProducer<String, SpecificRecord> producer, BenchElastic elastic, long expected)
            throws InterruptedException {
        Progress.step("Warming Elasticsearch up: a throwaway round of the same workload through search-service");
        produce(producer, WARM_UP);
        Progress.Bar bar = Progress.bar("docs", expected);
        try (Sampler counts = new Sampler("warm-up", () -> elastic.count(ALL_INDICES), 500, bar)) {
            ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.SEARCH));
            if (!counts.awaitAtLeast(expected, Duration.ofSeconds(60 + expected / 500))) {
                throw new IllegalStateException("The warm-up round was not indexed: " + counts.last() + " of " + expected);
            }
            bar.close();
            Sampler.await("search-service has committed the warm-up round's offsets", Duration.ofMinutes(1),
                    () -> INDEXED_TOPICS.stream().allMatch(t -> kafka.lag(BenchKafka.SEARCH_GROUP, t) == 0));
            fleet.stop(ServiceFleet.Service.SEARCH);
        }
        elastic.require("DELETE", "/" + ALL_INDICES, null);
    }

    private static List<StoredDoc> readBack(BenchElastic elastic, long expected) {
        List<StoredDoc> docs = new ArrayList<>((int) expected);
        Progress.Bar bar = Progress.bar("docs", expected);
        for (String index : INDICES) {
            elastic.refresh(index);
            elastic.scroll(index, 5000, hit -> {
                docs.add(new StoredDoc(index, hit.path("_id").asText(), hit.path("_version").asLong(),
                        hit.path("_source").toString().getBytes(StandardCharsets.UTF_8)));
                bar.update(docs.size());
            });
        }
        bar.close();
        return docs;
    }

    /** Indexes the documents with a plain loop; {@code before} documents are in the baseline indices already. */
    private static Sampler.Throughput baseline(BenchElastic elastic, List<StoredDoc> docs, long before) throws InterruptedException {
        List<JsonNode> sources = new ArrayList<>(docs.size()); // read before the clock starts
        for (StoredDoc doc : docs) {
            try {
                sources.add(BenchElastic.JSON.readTree(doc.source()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Progress.Bar bar = Progress.bar("docs", before + docs.size());
        try (Sampler counts = new Sampler("baseline", () -> elastic.count(BASELINE_PREFIX + "*"), 200, bar)) {
            try (BenchElastic.Ingester ingester = elastic.trimmedIngester(1000, 5_000_000, 2, 200)) {
                for (int n = 0; n < docs.size(); n++) {
                    StoredDoc doc = docs.get(n);
                    JsonNode source = sources.get(n);
                    ingester.bulk.add(BulkOperation.of(b -> b.index(i -> {
                        i.index(BASELINE_PREFIX + doc.index()).id(doc.id()).document(source);
                        if (doc.index().equals("accrue-awards")) {
                            i.version(source.path("revision").asLong()).versionType(VersionType.External);
                        } else if (doc.index().equals("accrue-participations") || doc.index().equals("accrue-enrolments")) {
                            // As the service writes them: the version it gave them (earliest event, resolved above pending).
                            i.version(doc.version()).versionType(VersionType.External);
                        }
                        return i;
                    })));
                }
                ingester.close();
                ingester.requireNoFailures();
            }
            counts.awaitAtLeast(before + docs.size(), Duration.ofSeconds(60));
            bar.close();
            return counts.throughput(before, before + docs.size());
        }
    }

    private static String licenseeId(int n) {
        return String.format("bench-lic-%05d", n);
    }
}
