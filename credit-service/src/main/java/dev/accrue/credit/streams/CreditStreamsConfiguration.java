package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
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

    private static final Logger log = LoggerFactory.getLogger(CreditStreamsConfiguration.class);

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

    /**
     * No single record may stop the client: one that throws while read, processed or written goes to rejections
     * ({@link RejectingExceptionHandler}), and a thread that dies anyway is replaced rather than shutting the client
     * down for every tenant.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer survivingFailures(AccrueTopics topics) {
        return factory -> {
            Properties config = factory.getStreamsConfiguration();
            config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
            config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
            config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
            config.put(RejectingExceptionHandler.TOPIC_CONFIG, topics.rejections());
            factory.setStreamsConfiguration(config);
            factory.setStreamsUncaughtExceptionHandler(exception -> {
                log.error("A stream thread failed; replacing it", exception);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    /** Closes the rejection producers the handlers share when the context closes, after Streams has stopped. */
    @Bean
    DisposableBean rejectionProducers() {
        return RejectionProducers::closeAll;
    }

    @Bean
    KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean factory) {
        return new KafkaStreamsInteractiveQueryService(factory);
    }
}
