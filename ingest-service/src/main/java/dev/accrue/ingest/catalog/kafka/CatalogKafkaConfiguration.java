package dev.accrue.ingest.catalog.kafka;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.catalog.CatalogService;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.kafka.CompactedTopicReader;
import dev.accrue.ingest.view.kafka.ViewHealthIndicator;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the catalog: its view of the sessions topic, the reader that fills it, and the publisher. */
@Configuration(proxyBeanMethods = false)
class CatalogKafkaConfiguration {

    @Bean
    KeyedView<KnownSession> catalogView(IngestProperties properties) {
        return new KeyedView<>("session catalog", properties.views().freshnessWait(), properties.views().retryAfter());
    }

    @Bean
    CompactedTopicReader catalogReader(KafkaProperties kafka, AvroSerdes serdes, AccrueTopics topics,
                                       IngestProperties properties, KeyedView<KnownSession> catalogView,
                                       Admin viewAdmin) {
        Deserializer<dev.accrue.events.Session> values = serdes.valueSerde(dev.accrue.events.Session.class).deserializer();
        String topic = topics.sessions();
        return new CompactedTopicReader(topic, kafka.buildConsumerProperties(), viewAdmin,
                properties.views().pollTimeout(), catalogView,
                (key, value, position) -> catalogView.apply(key,
                        value == null ? null : SessionMapper.known(values.deserialize(topic, value)), position));
    }

    @Bean
    ViewHealthIndicator catalogViewHealthIndicator(KeyedView<KnownSession> catalogView) {
        return new ViewHealthIndicator(catalogView);
    }

    @Bean
    CatalogService catalogService(KeyedView<KnownSession> catalogView, AckingProducer producer, AccrueTopics topics,
                                  Clock clock) {
        return new CatalogService(catalogView, new KafkaCatalogPublisher(producer, topics), clock);
    }
}
