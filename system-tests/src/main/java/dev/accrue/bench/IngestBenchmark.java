package dev.accrue.bench;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.AttendanceType;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaReadiness;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import dev.accrue.infra.launcher.StackLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Batch ingest, from HTTP request to broker acknowledgement, against Kafka's own
 * producer-performance tool writing records of the same size to the same broker in the same run.
 */
final class IngestBenchmark {

    static final String KEY = "ingest";
    static final String TITLE = "Ingest: HTTP batch to broker acknowledgement";
    private static final int BATCH = 10_000;
    /** The per-caller concurrency cap of {@code /v1/attendance/batch} (ingest's application.yml): one key, that many in flight. */
    private static final int CLIENTS = 3;
    private static final int LICENSEES = 200;
    private static final int WARMUP = 3 * BATCH;
    private static final int ROUNDS = 3;
    /**
     * Producer settings given to both the service and ProducerPerformance, so the baseline batches as
     * the service does. Compression is off on both sides, although the service runs with lz4 in
     * production: ProducerPerformance's random letters barely compress while attendance records
     * compress well, so lz4 on both sides would favour the service. They can be overridden with
     * {@code -Daccrue.bench.producer.<name>=<value>}.
     */
    private static final Map<String, String> PRODUCER = producerSettings(Map.of(
            "acks", "all", "enable.idempotence", "true", "linger.ms", "5", "batch.size", "131072", "compression.type", "none"));
    /** The service's own compression setting (application.yml), measured separately, without a baseline. */
    private static final String PRODUCTION_COMPRESSION = "lz4";

    private final BenchContext context;
    private final int events;
    /** One client for the whole run, so every round reuses the connections the warm-up opened. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    IngestBenchmark(BenchContext context, int events) {
        this.context = context;
        this.events = events;
    }

    /** Per round: the service's rate, the baseline's and their ratio; and the rate with production compression. */
    record Measured(int recordSize, List<Double> ingestRates, List<Double> perfRates, List<Double> ratios,
                    double productionRate) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        Endpoints endpoints = context.endpoints();
        ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.INGEST), serviceJvmArgs(PRODUCER));
        ServiceClients http = new ServiceClients(fleet);
        String session = "bench-session";
        Progress.step("Publishing a session and %d licensees through the ingest API", LICENSEES);
        BenchData.publishSession(http, session, "acme");
        BenchData.publishLicensees(http, "bench-", LICENSEES);

        String url = fleet.url(ServiceFleet.Service.INGEST);
        Progress.step("Warm-up: %,d events", WARMUP);
        send(url, bodies(session, "warmup", WARMUP), null); // JIT and connection warm-up, not measured

        int recordSize = attendanceRecordSize();
        // The service is warm now; warm the baseline's broker side (topic, log segments, page cache) as much, discarded.
        Progress.step("Baseline warm-up: %,d records, not measured", WARMUP);
        producerPerformance(endpoints, recordSize, WARMUP);
        List<Double> ingestRates = new ArrayList<>();
        List<Double> perfRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<byte[]> bodies = bodies(session, "run" + round, events);
            Progress.step("Round %d of %d: %,d events in batches of %,d from %d clients", round, ROUNDS, events, BATCH, CLIENTS);
            Instant start = Instant.now();
            send(url, bodies, Progress.bar("events", events));
            double ingestRate = events / seconds(start);
            Progress.step("ingest-service: %s", Stats.rate(ingestRate, "events"));
            Progress.step("Baseline: Kafka's ProducerPerformance, %,d records of %d bytes", events, recordSize);
            double perfRate = producerPerformance(endpoints, recordSize, events);
            Progress.step("ProducerPerformance: %s (ratio %s)", Stats.rate(perfRate, "records"), Stats.ratio(ingestRate, perfRate));
            ingestRates.add(ingestRate);
            perfRates.add(perfRate);
            ratios.add(ingestRate / perfRate);
        }
        fleet.close(); // the production-setting run below starts its own instance
        double productionRate = productionCompressionRate(session);
        return new Measured(recordSize, ingestRates, perfRates, ratios, productionRate);
    }

    BenchmarkReport report(Measured m) {
        double ingestRate = Stats.percentile(m.ingestRates(), 50);
        double perfRate = Stats.percentile(m.perfRates(), 50);
        double ratio = Stats.percentile(m.ratios(), 50);
        return new BenchmarkReport.Builder(KEY, TITLE)
                .method(method(m.recordSize()))
                .row("events/s, HTTP to broker ack", Stats.rate(ingestRate, "events"), Stats.rate(perfRate, "records")
                        + " (kafka ProducerPerformance)", Stats.ratio(ratio, 1),
                        "≥ 0.5: " + (ratio >= 0.5 ? "met" : "not met") + "; "
                                + Stats.atLeast(ingestRate, 30_000, "≥ 30,000 events/s"),
                        new Stats.Figure(ingestRate, v -> Stats.rate(v, "events")), m.ingestRates())
                .note("Rounds (service events/s, baseline records/s, ratio): " + rounds(m.ingestRates(), m.perfRates(),
                        m.ratios()) + ".")
                .note("With its production setting `compression.type=" + PRODUCTION_COMPRESSION + "`, a second service instance"
                        + " (warmed the same way) reached " + Stats.rate(m.productionRate(), "events") + " (median of " + ROUNDS
                        + " rounds). It has no like-for-like baseline: the baseline's random payload does not compress as"
                        + " attendance records do.")
                .build();
    }

    private String method(int recordSize) {
        return """
                The ingest service runs as its own process with a 512 MB heap (`-Xmx512m`), on the local KRaft broker and
                registry. %d client threads POST JSON batches of %,d attendance events to `/v1/attendance/batch`; a batch is
                answered only after the broker acknowledged every event, and every event is fully validated (fields,
                session and licensee, provider, repeats). After %,d warm-up events through the service and as many
                discarded records through the baseline, %d rounds each measure %,d events
                through the service and then the baseline; the request bodies are built before the clock starts and the
                client reads each answer only up to its counts, so the client takes little of the 2 cores it shares with
                the service and the broker. The baseline is Kafka's `ProducerPerformance` tool sending the same number of
                %d-byte records (the size of one Avro attendance record with its key, in the Confluent wire format) to a
                topic with the same partitions on the same broker. Both producers get the same settings: `%s`.
                Compression is off on both sides, although the service's production setting is lz4 (measured separately below):
                ProducerPerformance's payload is random letters, which lz4 barely compresses, while attendance records
                compress well, so lz4 on both sides would flatter the service. The baseline tool starts a new JVM each
                round, so its client side is colder than the service's; its broker side is warmed. The figures are the medians of the rounds (the ratio is the median of the rounds' ratios), so one
                round disturbed by other work on the machine does not decide the result."""
                .formatted(CLIENTS, BATCH, WARMUP, ROUNDS, events, recordSize, producerProps());
    }

    private static String rounds(List<Double> ingest, List<Double> perf, List<Double> ratios) {
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < ratios.size(); i++) {
            rounds.add(String.format("%,.0f / %,.0f / %.2f", ingest.get(i), perf.get(i), ratios.get(i)));
        }
        return String.join("; ", rounds);
    }

    private static String producerProps() {
        return String.join(" ", PRODUCER.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static Map<String, String> producerSettings(Map<String, String> defaults) {
        Map<String, String> settings = new TreeMap<>(defaults);
        settings.replaceAll((name, value) -> System.getProperty("accrue.bench.producer." + name, value));
        return settings;
    }

    /**
     * The service alone with its production compression, after the same warm-up: the median of
     * {@link #ROUNDS} rounds of {@code events} events.
     */
    private double productionCompressionRate(String session) throws Exception {
        Map<String, String> producer = new TreeMap<>(PRODUCER);
        producer.put("compression.type", PRODUCTION_COMPRESSION);
        ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.INGEST), serviceJvmArgs(producer));
        String url = fleet.url(ServiceFleet.Service.INGEST);
        Progress.step("Production setting (compression.type=%s): warm-up of %,d events", PRODUCTION_COMPRESSION, WARMUP);
        send(url, bodies(session, "prod-warmup", WARMUP), null);
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<byte[]> bodies = bodies(session, "prod-run" + round, events);
            Instant start = Instant.now();
            send(url, bodies, Progress.bar("events", events));
            rates.add(events / seconds(start));
            Progress.step("ingest-service with %s: %s", PRODUCTION_COMPRESSION, Stats.rate(rates.get(round - 1), "events"));
        }
        fleet.close();
        return Stats.percentile(rates, 50);
    }

    /** The producer settings (the service forces acks=all and idempotence itself). */
    private static List<String> serviceJvmArgs(Map<String, String> producer) {
        List<String> args = new ArrayList<>();
        producer.forEach((name, value) -> args.add("-Dspring.kafka.producer.properties." + name + "=" + value));
        return args;
    }

    /**
     * Posts the batches from {@link #CLIENTS} threads and checks each answer. The bodies are built
     * before the clock starts and answers are read only up to their counts, so the client's own CPU
     * use on the shared cores stays small.
     */
    private void send(String url, List<byte[]> bodies, Progress.Bar bar) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] body : bodies) {
                futures.add(pool.submit(() -> {
                    HttpResponse<byte[]> response = BenchData.postAsProvider(client, url + "/v1/attendance/batch", body);
                    long accepted = BenchData.accepted(response);
                    if (bar != null) {
                        bar.update(done.addAndGet(accepted));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<byte[]> bodies(String session, String prefix, int count) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            bodies.add(batch(session, prefix, from, Math.min(BATCH, count - from)));
        }
        return bodies;
    }

    private static byte[] batch(String session, String prefix, int first, int size) {
        StringBuilder json = new StringBuilder(size * 180).append('[');
        for (int i = 0; i < size; i++) {
            int n = first + i;
            if (i > 0) {
                json.append(',');
            }
            int minute = n % 60;
            json.append("{\"eventId\":\"").append(prefix).append('-').append(n)
                    .append("\",\"sessionId\":\"").append(session)
                    .append("\",\"licenseeId\":\"bench-").append(n % LICENSEES)
                    .append("\",\"type\":\"").append(n % 2 == 0 ? "JOINED" : "LEFT")
                    .append("\",\"occurredAt\":\"2026-01-05T09:").append(minute < 10 ? "0" : "").append(minute)
                    .append(":00-08:00\"}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes of one attendance record as ingest writes it: 5-byte wire header, Avro value, and the key. */
    static int attendanceRecordSize() throws IOException {
        AttendanceEvent event = AttendanceEvent.newBuilder().setEventId("run-123456").setSessionId("bench-session")
                .setLicenseeId("bench-123").setType(AttendanceType.JOINED).setOccurredAt(Instant.parse("2026-01-05T17:00:00Z"))
                .setSource(AttendanceSource.BATCH).setReceivedAt(Instant.now()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AttendanceEvent.class).write(event, encoder);
        encoder.flush();
        return 5 + out.size() + "bench-123".getBytes(StandardCharsets.UTF_8).length;
    }

    private double producerPerformance(Endpoints endpoints, int recordSize, int records) throws Exception {
        String topic = "bench-producer-perf";
        KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), Map.of(topic, 3), Duration.ofSeconds(30));
        StackLayout layout = context.layout();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", layout.root().resolve("infra/kafka-broker/target/lib") + "/*",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + endpoints.kafkaBootstrapServers()));
        PRODUCER.forEach((name, value) -> command.add(name + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        // It prints a line per interval and a final summary in the same form; the last one is the whole run.
        Matcher m = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(2);
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no result:\n" + output);
        }
        return Double.parseDouble(last);
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toNanos() / 1e9;
    }
}
