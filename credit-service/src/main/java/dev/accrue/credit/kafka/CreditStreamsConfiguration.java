package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.time.Clock;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Wires the credit topology into spring-kafka's {@code StreamsBuilderFactoryBean}
 * ({@code spring.kafka.streams.*}; exactly-once is set in application.yml), and declares the one
 * topic this service owns: certificates keyed by number, compacted.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(CreditStreamsProperties.class)
class CreditStreamsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CreditRuleBook creditRuleBook() {
        return CreditRuleBook.load();
    }

    @Bean
    BoardRuleBook boardRuleBook() {
        return BoardRuleBook.load();
    }

    @Bean
    CreditTopology creditTopology(StreamsBuilder builder, AccrueTopics topics, CreditStreamsProperties settings,
                                  AvroSerdes serdes, Clock clock, CreditRuleBook creditRules, BoardRuleBook boardRules) {
        CreditTopology topology = new CreditTopology(topics, settings, serdes::valueSerde, clock, creditRules, boardRules);
        topology.build(builder);
        return topology;
    }

    @Bean
    KafkaAdmin.NewTopics creditServiceTopics(AccrueTopics topics, CreditStreamsProperties settings) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(settings.certificatesByIdTopic())
                .partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build());
    }

    @Bean
    KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean factory) {
        return new KafkaStreamsInteractiveQueryService(factory);
    }
}
