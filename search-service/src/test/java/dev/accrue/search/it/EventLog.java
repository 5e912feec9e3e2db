package dev.accrue.search.it;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Session;
import dev.accrue.platform.topics.AccrueTopics;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the real topics the way the other services do: string keys, Avro values in
 * the Confluent wire format through the registry. Each send waits for the broker's acknowledgement.
 */
final class EventLog implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> avro;
    private final KafkaProducer<String, byte[]> raw;
    private final AccrueTopics topics;

    EventLog(String bootstrapServers, String registryUrl, AccrueTopics topics) {
        this.topics = topics;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, "schema.registry.url", registryUrl);
        ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        this.avro = new KafkaProducer<>(config, new StringSerializer(), serializer);
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void send(SpecificRecord event) {
        await(sendAsync(event));
    }

    /** Sends all, then waits for every acknowledgement. */
    void sendAll(Iterable<? extends SpecificRecord> events) {
        java.util.List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
        events.forEach(e -> sends.add(sendAsync(e)));
        sends.forEach(EventLog::await);
    }

    private java.util.concurrent.Future<?> sendAsync(SpecificRecord event) {
        String topic;
        String key;
        if (event instanceof Session s) {
            topic = topics.sessions();
            key = s.getSessionId();
        } else if (event instanceof AttendanceEvent a) {
            topic = topics.attendance();
            key = a.getLicenseeId();
        } else if (event instanceof CreditAward c) {
            topic = topics.credits();
            key = c.getLicenseeId();
        } else if (event instanceof CertificateIssued c) {
            topic = topics.certificates();
            key = c.getLicenseeId();
        } else if (event instanceof ComplianceStatus c) {
            topic = topics.compliance();
            key = c.getLicenseeId();
        } else {
            throw new IllegalArgumentException("Unknown event " + event.getClass());
        }
        return avro.send(new ProducerRecord<>(topic, key, event));
    }

    /** Sends bytes as they are, for records that are not Avro at all. */
    void sendRaw(String topic, String key, byte[] value) {
        await(raw.send(new ProducerRecord<>(topic, key, value)));
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }
}
