package dev.accrue.platform.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic names and partition counts, the same for every service ({@code accrue.topics.*}).
 * Every topic keyed by licensee has the same partition count, so Kafka Streams can join them
 * without repartitioning.
 */
@ConfigurationProperties("accrue.topics")
public record AccrueTopics(
        @DefaultValue("accrue.sessions") String sessions,
        @DefaultValue("accrue.session-closures") String sessionClosures,
        @DefaultValue("accrue.licensees") String licensees,
        @DefaultValue("accrue.attendance") String attendance,
        @DefaultValue("accrue.credits") String credits,
        @DefaultValue("accrue.certificates") String certificates,
        @DefaultValue("accrue.compliance") String compliance,
        @DefaultValue("accrue.rejections") String rejections,
        @DefaultValue("accrue.search-dead-letters") String searchDeadLetters,
        @DefaultValue("accrue.providers") String providers,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("true") boolean create) {
}
