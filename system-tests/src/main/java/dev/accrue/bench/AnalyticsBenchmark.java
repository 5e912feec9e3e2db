package dev.accrue.bench;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Analytics query latency at a million and at five million attendance documents: the service's HTTP endpoints against
 * the very Elasticsearch requests they send, replayed straight to the node, alternating call by
 * call, so the ratio is the service's own overhead (HTTP, auth, building the requests, reading the
 * aggregations, writing JSON).
 */
final class AnalyticsBenchmark {

    static final String KEY = "analytics";
    static final String TITLE = "Analytics query latency at 1M and 5M attendance documents";
    private static final int LICENSEES = 20_000;
    private static final int DAYS = 60;
    private static final String ATTENDANCE = "accrue-attendance";
    private static final String PARTICIPATIONS = "accrue-participations";
    private static final String ENROLMENTS = "accrue-enrolments";
    private static final String AWARDS = "accrue-awards";
    private static final int CHUNK = 50_000;
    private static final String LOADED = ATTENDANCE + "," + PARTICIPATIONS + "," + ENROLMENTS + "," + AWARDS;
    /** A traced request; an `_msearch` body (NDJSON) spans lines, up to the quote that ends a line. */
    private static final Pattern CURL = Pattern.compile("curl -iX (\\w+) '([^']+)'(?: -d '(.*?)')?[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);

    private final BenchContext context;
    private final int documents;
    private final int rounds;
    private final int warmupRounds = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The second size the same data grows to before the endpoints are measured again. */
    private final int larger;

    AnalyticsBenchmark(BenchContext context, int documents, int larger, int rounds) {
        this.context = context;
        this.documents = documents;
        this.larger = larger;
        this.rounds = rounds;
    }

    /** A captured Elasticsearch request: method, path with query string, body. */
    record EsRequest(String method, String pathAndQuery, String body) {
    }

    /**
     * Per endpoint: its path, the service's and the direct calls' times, and how many `_search` requests it
     * sends; and what the service had indexed.
     */
    record Measured(String range, Map<String, String> endpoints, Size small, Size large,
                    Map<String, Integer> directRequests, int sessions) {
    }

    /** The calls' times at one size, per endpoint, and what the service had indexed by then. */
    record Size(int documents, Map<String, List<Double>> service, Map<String, List<Double>> baseline,
                long participations, long enrolments, long attendance, long awards) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(DAYS) + "&to=" + today;
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("trends", "/v1/analytics/trends?metric=attendances&interval=day&" + range);
        endpoints.put("top-courses", "/v1/analytics/top-courses?by=attendees&limit=10&" + range);
        endpoints.put("categories", "/v1/analytics/categories?" + range);
        endpoints.put("formats", "/v1/analytics/formats?" + range);
        endpoints.put("completion", "/v1/analytics/completion?groupBy=course&limit=20&" + range);

        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             BenchElastic elastic = new BenchElastic(context.endpoints().elasticsearchUrl());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics();
            ServiceFleet fleet = context.fleet(List.of(ServiceFleet.Service.SEARCH),
                    List.of("-Dmanagement.endpoints.web.exposure.include=health,info,metrics,prometheus,loggers"));
            ServiceClients clients = new ServiceClients(fleet);

            Map<String, ObjectNode> awardTemplates = new HashMap<>();
            List<String> sessionIds = seed(producer, elastic, awardTemplates);
            Random random = new Random(42);
            load(producer, elastic, sessionIds, awardTemplates, random, 0, documents);
            // Every call below must reach the data: repeated identical aggregations would otherwise be answered
            // from the shard request cache, for the service and the baseline alike.
            elastic.require("PUT", "/" + LOADED + "/_settings", "{\"index.requests.cache.enable\":false}");

            Progress.step("Capturing the Elasticsearch requests behind each endpoint (the client's trace log, on for one call each)");
            Map<String, List<EsRequest>> captured = capture(clients, endpoints);
            String serviceUrl = fleet.url(ServiceFleet.Service.SEARCH);
            Size small = time(elastic, endpoints, captured, serviceUrl, documents);

            Progress.step("Growing the same data to %,d attendance events", larger);
            load(producer, elastic, sessionIds, awardTemplates, random, documents, larger);
            Size large = time(elastic, endpoints, captured, serviceUrl, larger);

            Map<String, Integer> direct = new LinkedHashMap<>();
            captured.forEach((k, requests) -> direct.put(k, requests.size()));
            return new Measured(range, endpoints, small, large, direct, sessionIds.size());
        }
    }

    /** Rounds of every endpoint and its replayed requests, alternating which goes first; warm-up rounds not kept. */
    private Size time(BenchElastic elastic, Map<String, String> endpoints, Map<String, List<EsRequest>> captured,
                      String serviceUrl, int size) throws Exception {
        Progress.step("Measuring at %,d: %d rounds (+%d warm-up) of each endpoint and its replayed requests, alternating",
                size, rounds, warmupRounds);
        Map<String, List<Double>> service = new LinkedHashMap<>();
        Map<String, List<Double>> baseline = new LinkedHashMap<>();
        endpoints.keySet().forEach(k -> {
            service.put(k, new ArrayList<>());
            baseline.put(k, new ArrayList<>());
        });
        String esUrl = context.endpoints().elasticsearchUrl();
        Progress.Bar bar = Progress.bar("rounds", rounds + warmupRounds);
        for (int r = 0; r < rounds + warmupRounds; r++) {
            for (var endpoint : endpoints.entrySet()) {
                List<EsRequest> requests = captured.get(endpoint.getKey());
                boolean serviceFirst = r % 2 == 0;
                double a = serviceFirst ? timeService(serviceUrl + endpoint.getValue()) : timeReplay(esUrl, requests);
                double b = serviceFirst ? timeReplay(esUrl, requests) : timeService(serviceUrl + endpoint.getValue());
                if (r >= warmupRounds) {
                    service.get(endpoint.getKey()).add(serviceFirst ? a : b);
                    baseline.get(endpoint.getKey()).add(serviceFirst ? b : a);
                }
            }
            bar.update(r + 1);
        }
        return new Size(size, service, baseline, elastic.count(PARTICIPATIONS), elastic.count(ENROLMENTS),
                elastic.count(ATTENDANCE), elastic.count(AWARDS));
    }

    BenchmarkReport report(Measured m) {
        BenchmarkReport.Builder report = new BenchmarkReport.Builder(KEY, TITLE).method(method(m));
        for (Size size : List.of(m.small(), m.large())) {
            boolean first = size == m.small();
            for (var endpoint : m.endpoints().entrySet()) {
                List<Double> s = size.service().get(endpoint.getKey());
                List<Double> d = size.baseline().get(endpoint.getKey());
                double p95 = Stats.percentile(s, 95);
                String goal = Stats.atMost(p95, 100, "p95 < 100 ms")
                        + (first ? "; " + Stats.atMost(p95, 60, "< 60 ms at this size") : "");
                report.row("`GET " + path(m, endpoint.getValue()) + "` at " + millions(size.documents())
                                + ", p50 / p95 / p99", Stats.triple(s),
                        Stats.triple(d) + " (" + m.directRequests().get(endpoint.getKey()) + " direct `_search`)",
                        Stats.ratio(p95, Stats.percentile(d, 95)), goal,
                        new Stats.Figure(p95, v -> "p95 " + Stats.millis(v)), thirds(s));
            }
        }
        for (var endpoint : m.endpoints().entrySet()) {
            double small = Stats.percentile(m.small().service().get(endpoint.getKey()), 95);
            double large = Stats.percentile(m.large().service().get(endpoint.getKey()), 95);
            report.row("`GET " + path(m, endpoint.getValue()) + "` p95 growth, " + millions(m.large().documents())
                            + " against " + millions(m.small().documents()), Stats.millis(large),
                    Stats.millis(small) + " (at " + millions(m.small().documents()) + ")", Stats.ratio(large, small),
                    "≤ 1.5: " + (large <= 1.5 * small ? "met" : "not met"),
                    new Stats.Figure(large / small, v -> "ratio " + Stats.ratio(v, 1)));
        }
        report.note("Every endpoint was called with `" + m.range() + "` (the whole generated range). With " + rounds
                + " calls per endpoint and size, p99 is (nearly) the slowest call; the range is the least and greatest p95"
                + " of the calls' three consecutive thirds.");
        for (Size size : List.of(m.small(), m.large())) {
            report.note(String.format("At %s: search-service had written %,d attendance, %,d participation and %,d "
                    + "enrolment documents; %,d award documents.", millions(size.documents()), size.attendance(),
                    size.participations(), size.enrolments(), size.awards()));
        }
        return report.build();
    }

    private static String path(Measured m, String endpoint) {
        return endpoint.replace("&" + m.range(), "").replace("?" + m.range(), "");
    }

    private static String millions(int documents) {
        return documents >= 1_000_000 && documents % 1_000_000 == 0 ? documents / 1_000_000 + "M" : String.format("%,d", documents);
    }

    /** The p95 of each third of the calls, in order: the spread of the figure over three rounds. */
    private static List<Double> thirds(List<Double> calls) {
        int third = Math.max(1, calls.size() / 3);
        List<Double> p95s = new ArrayList<>();
        for (int from = 0; from + third <= calls.size() && p95s.size() < 3; from += third) {
            p95s.add(Stats.percentile(calls.subList(from, from + third), 95));
        }
        return p95s;
    }

    private String method(Measured m) {
        return """
                search-service starts (as a process, `-Xmx512m`, profile `local`) and installs its index
                templates. %d sessions go through Kafka, each with one attendance event and one award. Then
                %,d attendance events (%,d licensees, the last %d days, 55%% JOINED and 45%% LEFT, popular
                sessions far more often) go through Kafka too, and the service itself indexes them: the
                events into `%s` and, from them, one document per licensee and session into `%s`
                and one per licensee and course into `%s`; so all three hold exactly what the service
                writes. One award document per ten events, made from the award the service wrote for each
                session (varying licensee, time and whether credit was earned), is bulk-loaded straight into
                `%s`. The endpoints are measured, then the same generator grows the data to %,d events the
                same way (through Kafka and the service; only the awards are bulk-loaded) and they are
                measured again. Refresh
                and per-request fsync are off on the four indices while loading, back to the defaults after.
                The shard request cache is then switched off on them, so every call aggregates over the
                documents instead of returning a cached answer. The Elasticsearch requests each endpoint
                sends are captured once from the service's
                own client trace log (`tracer` logger, via the actuator, then switched off again). Each round
                calls every endpoint over HTTP with an analyst key and replays its captured requests straight
                to the node over HTTP in turn (sequentially, as the service sends them), alternating which goes
                first; %d warm-up rounds are not counted, %d are. Percentiles are of whole calls. The ratio is
                service p95 over direct p95: what the service adds on top of Elasticsearch's own work."""
                .formatted(m.sessions(), documents, LICENSEES, DAYS, ATTENDANCE, PARTICIPATIONS, ENROLMENTS, AWARDS,
                        larger, warmupRounds, rounds);
    }

    /** Publishes a session, an attendance event and an award per course and provider, and reads back the awards. */
    private List<String> seed(KafkaProducer<String, SpecificRecord> producer, BenchElastic elastic,
                              Map<String, ObjectNode> awardTemplates)
            throws InterruptedException {
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS / 2).atTime(16, 0).toInstant(ZoneOffset.UTC);
        List<Session> sessions = new ArrayList<>();
        for (String provider : List.of("acme", "northwind")) {
            for (BenchEvents.Course course : BenchEvents.COURSES) {
                sessions.add(BenchEvents.liveSession(provider + "-" + course.courseId() + "-bench", provider, course, start));
            }
        }
        Progress.step("Seeding %d sessions with one attendance event and one award each through Kafka", sessions.size());
        BenchEvents.sendAll(producer, BenchKafka.SESSIONS,
                sessions.stream().map(s -> new BenchEvents.KeyedRecord(s.getSessionId(), s)).toList(), null);
        List<BenchEvents.KeyedRecord> events = new ArrayList<>();
        List<BenchEvents.KeyedRecord> credits = new ArrayList<>();
        for (Session s : sessions) {
            events.add(new BenchEvents.KeyedRecord("seed-lic", BenchEvents.attendance("seed-" + s.getSessionId(), s.getSessionId(),
                    "seed-lic", AttendanceType.JOINED, s.getStartsAt())));
            credits.add(new BenchEvents.KeyedRecord("seed-lic", BenchEvents.award(s, "seed-lic", s.getEndsAt())));
        }
        BenchEvents.sendAll(producer, BenchKafka.ATTENDANCE, events, null);
        BenchEvents.sendAll(producer, BenchKafka.CREDITS, credits, null);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int n = sessions.size();
        while (!(elastic.count(ATTENDANCE, "{\"term\":{\"sessionResolved\":true}}") >= n && elastic.count(AWARDS) >= n)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search-service did not index the seed within 2 minutes");
            }
            Thread.sleep(250); // polling interval
            elastic.refresh(ATTENDANCE + "," + AWARDS);
        }
        elastic.scroll(AWARDS, 100, hit -> awardTemplates.put(hit.path("_source").path("sessionId").asText(),
                (ObjectNode) hit.path("_source")));
        return sessions.stream().map(Session::getSessionId).toList();
    }

    /**
     * Produces the attendance events for the service to index (waiting until it has), then bulk-loads
     * the awards made from the templates (one per ten events): events {@code fromEvent} to {@code toEvent}.
     */
    private void load(KafkaProducer<String, SpecificRecord> producer, BenchElastic elastic, List<String> sessionIds,
                      Map<String, ObjectNode> awardTemplates, Random random, int fromEvent, int toEvent)
            throws IOException, InterruptedException {
        int events = toEvent - fromEvent;
        int newAwards = events / 10;
        long now = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        long span = Duration.ofDays(DAYS).toMillis();
        long seeded = elastic.count(ATTENDANCE);
        // Loading is set-up, not measured: no refreshes and no fsync per bulk while it runs, the defaults again after.
        elastic.require("PUT", "/" + LOADED + "/_settings", "{\"index.refresh_interval\":\"-1\",\"index.translog.durability\":\"async\"}");

        Progress.step("Producing %,d attendance events for search-service to index", events);
        Progress.Bar produced = Progress.bar("events", events);
        for (int from = fromEvent; from < toEvent; from += CHUNK) {
            List<BenchEvents.KeyedRecord> chunk = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(toEvent, from + CHUNK); i++) {
                String session = sessionIds.get(skewed(random, sessionIds.size()));
                String licensee = String.format("gen-lic-%05d", random.nextInt(LICENSEES));
                boolean joined = random.nextInt(100) < 55;
                Instant at = Instant.ofEpochMilli(now - (long) (random.nextDouble() * span));
                chunk.add(new BenchEvents.KeyedRecord(licensee, BenchEvents.attendance("gen-" + i, session, licensee,
                        joined ? AttendanceType.JOINED : AttendanceType.LEFT, at)));
            }
            BenchEvents.sendAll(producer, BenchKafka.ATTENDANCE, chunk, null);
            produced.update(Math.min(toEvent, from + CHUNK) - fromEvent);
        }
        produced.close();
        awaitIndexed(elastic, seeded + events);

        Progress.step("Bulk-loading %,d award documents", newAwards);
        Progress.Bar bar = Progress.bar("docs", newAwards);
        try (BenchElastic.Ingester ingester = elastic.ingester(5000, 10_000_000, 2, 1000)) {
            for (int i = fromEvent / 10; i < fromEvent / 10 + newAwards; i++) {
                String session = sessionIds.get(skewed(random, sessionIds.size()));
                String licensee = String.format("gen-lic-%05d", random.nextInt(LICENSEES));
                ObjectNode doc = awardTemplates.get(session).deepCopy();
                Instant at = Instant.ofEpochMilli(now - (long) (random.nextDouble() * span));
                boolean earned = random.nextInt(10) > 0;
                doc.put("awardId", "gen-award-" + i).put("licenseeId", licensee).put("participation", licensee + "|" + session)
                        .put("completedAt", at.toString()).put("awardedAt", at.plusSeconds(60).toString()).put("earned", earned);
                if (!earned) {
                    doc.put("hours", 0.0);
                }
                add(ingester, AWARDS, "gen-award-" + i, doc);
                bar.update(i + 1 - fromEvent / 10);
            }
            ingester.close();
            ingester.requireNoFailures();
        }
        elastic.require("PUT", "/" + LOADED + "/_settings", "{\"index.refresh_interval\":null,\"index.translog.durability\":null}");
        elastic.refresh(LOADED);
    }

    /** Waits until the service has indexed every event (refreshing, as refresh is off while loading). */
    private static void awaitIndexed(BenchElastic elastic, long expected) throws InterruptedException {
        Progress.step("Waiting for search-service to index them (attendance documents counted)");
        Progress.Bar bar = Progress.bar("events", expected);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long count;
        while ((count = refreshedCount(elastic)) < expected) {
            bar.update(count);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search-service indexed only " + count + " of " + expected
                        + " attendance events within 15 minutes");
            }
            Thread.sleep(1000); // polling interval
        }
        bar.close();
    }

    private static long refreshedCount(BenchElastic elastic) {
        elastic.refresh(ATTENDANCE + "," + PARTICIPATIONS + "," + ENROLMENTS);
        return elastic.count(ATTENDANCE);
    }

    private static void add(BenchElastic.Ingester ingester, String index, String id, JsonNode doc) throws IOException {
        byte[] json = BenchElastic.JSON.writeValueAsBytes(doc);
        ingester.bulk.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id)
                .document(BinaryData.of(json, ContentType.APPLICATION_JSON)))));
    }

    /** Some sessions are far more popular than others, as in real catalogs. */
    private static int skewed(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 2)));
    }

    /** Turns the client's trace logger on, calls each endpoint once, and reads the requests it logged. */
    private Map<String, List<EsRequest>> capture(ServiceClients clients, Map<String, String> endpoints) throws Exception {
        Path log = context.logFile(ServiceFleet.Service.SEARCH);
        setTracer(clients, "TRACE");
        Map<String, List<EsRequest>> captured = new LinkedHashMap<>();
        try {
            for (var endpoint : endpoints.entrySet()) {
                long offset = log.toFile().length();
                ServiceClients.Response response = clients.get(ServiceFleet.Service.SEARCH, endpoint.getValue(), BenchData.ANALYST_KEY);
                if (!response.ok()) {
                    throw new IllegalStateException("GET " + endpoint.getValue() + " answered " + response.status() + ": " + response.body());
                }
                List<EsRequest> requests = List.of();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (requests.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100); // the log is written by the service process
                    requests = parse(readFrom(log, offset));
                }
                if (requests.isEmpty()) {
                    throw new IllegalStateException("No Elasticsearch request was traced for " + endpoint.getValue()
                            + "; the baseline needs the service's requests");
                }
                captured.put(endpoint.getKey(), requests);
            }
        } finally {
            setTracer(clients, null);
        }
        return captured;
    }

    private static void setTracer(ServiceClients clients, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("configuredLevel", level);
        ServiceClients.Response response = clients.post(ServiceFleet.Service.SEARCH, "/actuator/loggers/tracer", BenchData.ADMIN_KEY, body);
        if (!response.ok()) {
            throw new IllegalStateException("Cannot set the tracer log level: HTTP " + response.status() + " " + response.body());
        }
    }

    static List<EsRequest> parse(String logText) {
        List<EsRequest> requests = new ArrayList<>();
        Matcher m = CURL.matcher(logText);
        while (m.find()) {
            if (m.group(2).contains("/_search") || m.group(2).contains("/_msearch")) {
                URI uri = URI.create(m.group(2));
                String query = uri.getRawQuery() == null ? "" : String.join("&", java.util.Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(p -> !p.equals("pretty") && !p.startsWith("pretty=")).toList());
                requests.add(new EsRequest(m.group(1), uri.getRawPath() + (query.isEmpty() ? "" : "?" + query), m.group(3)));
            }
        }
        return requests;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private double timeService(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + BenchData.ANALYST_KEY).header("Accept", "application/json").GET().build();
        return time(request);
    }

    private double timeReplay(String esUrl, List<EsRequest> requests) {
        long start = System.nanoTime();
        for (EsRequest r : requests) {
            HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(r.body());
            String type = r.pathAndQuery().contains("/_msearch") ? "application/x-ndjson" : "application/json";
            time(HttpRequest.newBuilder(URI.create(esUrl + r.pathAndQuery())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", type).method(r.method(), body).build());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds until the whole answer is read; anything but 200 fails the benchmark. */
    private double time(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String triple(List<Double> latencies) {
        return Stats.millis(Stats.percentile(latencies, 50)) + " / " + Stats.millis(Stats.percentile(latencies, 95)) + " / "
                + Stats.millis(Stats.percentile(latencies, 99));
    }
}
