package dev.accrue.ingest.licensee.kafka;

import dev.accrue.events.LicenseeProfile;
import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.licensee.LicenseeService;
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

/** Wires the licensee directory, the reader that fills it from the licensees topic, and the publisher. */
@Configuration(proxyBeanMethods = false)
class LicenseeKafkaConfiguration {

    @Bean
    LicenseeDirectory licenseeDirectory(IngestProperties properties) {
        return new LicenseeDirectory(properties.views().freshnessWait(), properties.views().retryAfter());
    }

    @Bean
    CompactedTopicReader licenseeReader(KafkaProperties kafka, AvroSerdes serdes, AccrueTopics topics,
                                        IngestProperties properties, LicenseeDirectory directory,
                                        Admin viewAdmin) {
        Deserializer<LicenseeProfile> values = serdes.valueSerde(LicenseeProfile.class).deserializer();
        String topic = topics.licensees();
        return new CompactedTopicReader(topic, kafka.buildConsumerProperties(), viewAdmin,
                properties.views().pollTimeout(),
                directory.view(), (key, value, position) -> directory.view().apply(key,
                        value == null ? null : LicenseeMapper.directoryEntry(values.deserialize(topic, value)), position));
    }

    @Bean
    ViewHealthIndicator licenseeViewHealthIndicator(LicenseeDirectory directory) {
        return new ViewHealthIndicator(directory.view());
    }

    @Bean
    LicenseeService licenseeService(LicenseeDirectory directory, AckingProducer producer, AccrueTopics topics, Clock clock) {
        return new LicenseeService(directory, new KafkaLicenseePublisher(producer, topics), clock);
    }
}
