package dev.accrue.bench;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.AttendanceType;
import dev.accrue.stack.Endpoints;
import dev.accrue.stack.KafkaReadiness;
import dev.accrue.stack.ServiceClients;
import dev.accrue.stack.ServiceFleet;
import dev.accrue.stack.StackLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final int CLIENTS = 4;
    private static final int LICENSEES = 200;

    private final BenchContext context;
    private final int events;

    IngestBenchmark(BenchContext context, int events) {
        this.context = context;
        this.events = events;
    }

    BenchmarkReport run() throws Exception {
        Endpoints endpoints = context.endpoints();
        ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.INGEST));
        ServiceClients http = new ServiceClients(fleet);
        String session = "bench-session";
        Progress.step("Publishing a session and %d licensees through the ingest API", LICENSEES);
        BenchData.publishSession(http, session, "acme");
        BenchData.publishLicensees(http, "bench-", LICENSEES);

        Progress.step("Warm-up: %,d events", 3 * BATCH);
        send(http, session, "warmup", 3 * BATCH, null); // JIT and connection warm-up, not measured
        Progress.step("Measuring: %,d events in batches of %,d from %d clients", events, BATCH, CLIENTS);
        Instant start = Instant.now();
        send(http, session, "run", events, Progress.bar("events", events));
        double ingestRate = events / seconds(start);
        Progress.step("ingest-service: %s", Stats.rate(ingestRate, "events"));

        int recordSize = attendanceRecordSize();
        Progress.step("Baseline: Kafka's ProducerPerformance, %,d records of %d bytes", events, recordSize);
        double perfRate = producerPerformance(endpoints, recordSize);
        Progress.step("ProducerPerformance: %s", Stats.rate(perfRate, "records"));

        return new BenchmarkReport.Builder(KEY, TITLE)
                .method("""
                        The ingest service runs as its own process with a 512 MB heap (`-Xmx512m`), on the local KRaft broker and
                        registry. %d client threads POST JSON batches of %,d attendance events to `/v1/attendance/batch`; a batch is
                        answered only after the broker acknowledged every event (acks=all, idempotent producer). %,d events are
                        measured after %,d warm-up events. The baseline is Kafka's `ProducerPerformance` tool sending the same
                        number of %d-byte records (the size of one Avro attendance record in the Confluent wire format) with
                        acks=all and idempotence to a topic with the same partitions on the same broker."""
                        .formatted(CLIENTS, BATCH, events, 3 * BATCH, recordSize))
                .row("events/s, HTTP to broker ack", Stats.rate(ingestRate, "events"), Stats.rate(perfRate, "records")
                        + " (kafka ProducerPerformance)", Stats.ratio(ingestRate, perfRate),
                        "≥ 0.5: " + (ingestRate / perfRate >= 0.5 ? "met" : "not met") + "; "
                                + Stats.atLeast(ingestRate, 30_000, "≥ 30,000 events/s"))
                .build();
    }

    private void send(ServiceClients http, String session, String prefix, int count, Progress.Bar bar) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < count; from += BATCH) {
                int first = from;
                int size = Math.min(BATCH, count - from);
                futures.add(pool.submit(() -> {
                    String body = batch(session, prefix, first, size);
                    var response = http.postRaw(ServiceFleet.Service.INGEST, "/v1/attendance/batch",
                            BenchData.PROVIDER_KEY, "application/json", body);
                    if (!response.ok() || response.body().path("rejected").asInt() != 0) {
                        throw new IllegalStateException("Batch failed: HTTP " + response.status() + " " + response.body().path("results").path(0));
                    }
                    if (bar != null) {
                        bar.update(done.addAndGet(size));
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

    private static String batch(String session, String prefix, int first, int size) {
        StringBuilder json = new StringBuilder(size * 180).append('[');
        for (int i = 0; i < size; i++) {
            int n = first + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"eventId\":\"").append(prefix).append('-').append(n)
                    .append("\",\"sessionId\":\"").append(session)
                    .append("\",\"licenseeId\":\"bench-").append(n % LICENSEES)
                    .append("\",\"type\":\"").append(n % 2 == 0 ? "JOINED" : "LEFT")
                    .append("\",\"occurredAt\":\"2026-01-05T09:").append(String.format("%02d", n % 60)).append(":00-08:00\"}");
        }
        return json.append(']').toString();
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

    private double producerPerformance(Endpoints endpoints, int recordSize) throws Exception {
        String topic = "bench-producer-perf";
        KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), Map.of(topic, 3), Duration.ofSeconds(30));
        StackLayout layout = context.layout();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", layout.root().resolve("stack/kafka-broker/target/lib") + "/*",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", String.valueOf(events),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + endpoints.kafkaBootstrapServers(), "acks=all",
                "enable.idempotence=true");
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
