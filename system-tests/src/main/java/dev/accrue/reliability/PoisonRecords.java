package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;

import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Progress;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import dev.accrue.infra.launcher.ServiceClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bytes that are not a readable event, written straight to every topic a service consumes: not the
 * Confluent wire format at all, an unknown schema id, and a known schema id followed by a body that
 * is cut short. Then a valid event goes through ingest on the same partition. Promise: each poison
 * record is on {@code accrue.rejections} (credit) or {@code accrue.search-dead-letters} (search)
 * with its topic, partition and offset, and the valid event behind it is still credited and indexed.
 */
final class PoisonRecords {

    private static final List<String> TOPICS = List.of(BenchKafka.SESSIONS, BenchKafka.CLOSURES, BenchKafka.LICENSEES,
            BenchKafka.ATTENDANCE, BenchKafka.CREDITS, BenchKafka.CERTIFICATES, BenchKafka.COMPLIANCE);

    static ScenarioResult run(Rig rig, Settings settings) {
        String session = settings.prefix() + "-pz";
        String licensee = settings.prefix() + "-pz-l0";
        rig.catalog.session(session);
        rig.catalog.licensee(licensee);

        Progress.step("Poison records: three kinds on each of %d topics", TOPICS.size());
        Map<String, String> poisons = new HashMap<>(); // "topic/partition/offset" -> kind
        try (KafkaProducer<String, byte[]> producer = rawProducer(rig)) {
            for (String topic : TOPICS) {
                // Keyed like the valid records behind them, so they share a partition with those.
                String key = topic.equals(BenchKafka.SESSIONS) || topic.equals(BenchKafka.CLOSURES) ? session : licensee;
                int schemaId = latestSchemaId(rig, topic);
                Map<String, byte[]> kinds = Map.of(
                        "not the wire format", "{\"eventId\":\"x\"}".getBytes(),
                        "unknown schema id", wire(Integer.MAX_VALUE - 7, new byte[] {2, 'x'}),
                        "truncated body", wire(schemaId, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
                for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
                    RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, kind.getValue())).get();
                    poisons.put(topic + "/" + written.partition() + "/" + written.offset(), kind.getKey());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the poison records", e.getCause());
        }

        // A valid event behind the poison on the same partitions: it must still be credited and indexed.
        rig.clients.post(INGEST, "/v1/attendance", Catalog.PROVIDER_KEY,
                rig.catalog.attendance(session + "-j", session, licensee, "JOINED", 0));
        rig.clients.post(INGEST, "/v1/attendance", Catalog.PROVIDER_KEY,
                rig.catalog.attendance(session + "-l", session, licensee, "LEFT", 61));
        rig.catalog.close(session);
        List<String> failures = new ArrayList<>();
        try {
            Rig.await("the valid events behind the poison are credited and indexed", Duration.ofMinutes(3), () ->
                    Topics.readAll(rig, BenchKafka.CREDITS, CreditAward.class).stream()
                            .anyMatch(a -> a.getSessionId().equals(session))
                            && rig.count(Outages.ATTENDANCE_INDEX, "sessionId", session) == 2);
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
        }
        Set<String> recorded = new HashSet<>();
        for (String topic : List.of(BenchKafka.REJECTIONS, BenchKafka.SEARCH_DEAD_LETTERS)) {
            for (Rejection r : Topics.readAll(rig, topic, Rejection.class)) {
                recorded.add(r.getSourceTopic() + "/" + r.getPartition() + "/" + r.getOffset());
            }
        }
        List<String> missing = poisons.keySet().stream().filter(p -> !recorded.contains(p)).sorted()
                .map(p -> p + " (" + poisons.get(p) + ")").toList();
        if (!missing.isEmpty()) {
            failures.add(missing.size() + " poison records are on neither rejections nor dead letters: " + missing);
        }
        failures.addAll(rig.unhealthy("the poison records"));
        return new ScenarioResult("Poison records on every input topic",
                "3 unreadable records on each of " + TOPICS.size() + " topics, then valid events on the same partitions",
                poisons.size(), poisons.size(), poisons.size() - missing.size(), 0, missing.size(),
                List.of("found counts poison records on rejections or dead letters, with their source offset"), failures);
    }

    private static KafkaProducer<String, byte[]> rawProducer(Rig rig) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.context.endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] wire(int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
    }

    /** The id the registry gives the topic's latest value schema (services registered them at start-up or on first write). */
    private static int latestSchemaId(Rig rig, String topic) {
        String url = rig.context.endpoints().schemaRegistryUrl() + "/subjects/" + topic + "-value/versions/latest";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? ServiceClients.JSON.readTree(response.body()).path("id").asInt(1) : 1;
        } catch (IOException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private PoisonRecords() {
    }
}
