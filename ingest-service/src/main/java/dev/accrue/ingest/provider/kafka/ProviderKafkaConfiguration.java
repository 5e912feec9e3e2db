package dev.accrue.ingest.provider.kafka;

import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.provider.ProviderService;
import dev.accrue.platform.topics.AccrueTopics;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires provider profiles to the compacted providers topic, keyed by providerId. */
@Configuration(proxyBeanMethods = false)
class ProviderKafkaConfiguration {

    @Bean
    ProviderService providerService(AckingProducer producer, AccrueTopics topics, Clock clock) {
        return new ProviderService(provider -> producer.send(new ProducerRecord<>(topics.providers(),
                provider.providerId(), ProviderMapper.toAvro(provider))), clock);
    }
}
