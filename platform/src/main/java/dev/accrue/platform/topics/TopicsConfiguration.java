package dev.accrue.platform.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic, so whichever service starts first creates them with the right partitions
 * and cleanup policy (Spring's {@link KafkaAdmin} creates missing ones at start-up). Catalog and
 * licensee topics are compacted: their latest value per key is the current state.
 */
@AutoConfiguration
@EnableConfigurationProperties(AccrueTopics.class)
public class TopicsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "accrue.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics accrueTopics(AccrueTopics topics) {
        return new KafkaAdmin.NewTopics(
                compacted(topics, topics.sessions()),
                compacted(topics, topics.licensees()),
                compacted(topics, topics.providers()),
                plain(topics, topics.sessionClosures()),
                plain(topics, topics.attendance()),
                plain(topics, topics.credits()),
                plain(topics, topics.certificates()),
                plain(topics, topics.compliance()),
                plain(topics, topics.rejections()),
                plain(topics, topics.searchDeadLetters()));
    }

    private static NewTopic compacted(AccrueTopics topics, String name) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    private static NewTopic plain(AccrueTopics topics, String name) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
