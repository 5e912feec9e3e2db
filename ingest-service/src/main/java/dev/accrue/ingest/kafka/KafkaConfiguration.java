package dev.accrue.ingest.kafka;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One idempotent producer for every topic of this service (so records share batches and
 * connections), with keys as plain strings and values in the Confluent Avro wire format. acks=all
 * and idempotence are forced here, whatever the configuration says: the API's 200/202 promises them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, SpecificRecord> ingestProducer(KafkaProperties kafka, AvroSerdes serdes) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "accrue-ingest");
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(serdes.clientProperties(), false);
        return new KafkaProducer<>(properties, new StringSerializer(), values);
    }

    @Bean
    AckingProducer ackingProducer(Producer<String, SpecificRecord> ingestProducer, IngestProperties properties) {
        return new AckingProducer(ingestProducer, properties.publish().timeout(), properties.publish().retryAfter());
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
        properties.putIfAbsent("client.id", "accrue-ingest-health");
        return Admin.create(properties);
    }

    /** Asks the broker for end offsets when a view must catch up (CompactedTopicReader), beside the readers' own fetches. */
    @Bean(destroyMethod = "close")
    Admin viewAdmin(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
        properties.putIfAbsent("client.id", "accrue-ingest-views");
        return Admin.create(properties);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin);
    }
}
