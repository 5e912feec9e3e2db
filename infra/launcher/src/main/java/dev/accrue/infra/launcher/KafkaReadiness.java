package dev.accrue.infra.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Kafka readiness beyond an open port. A fresh broker answers before it leads new partitions, and
 * producing at once then fails with NotLeaderOrFollower and OutOfOrderSequence errors; waiting
 * until {@code listOffsets} answers for every partition avoids that.
 */
public final class KafkaReadiness {

    static boolean brokerAnswers(String bootstrapServers) {
        return brokersAnswer(bootstrapServers, 1);
    }

    /** True once the cluster's metadata lists at least {@code count} live brokers. */
    static boolean brokersAnswer(String bootstrapServers, int count) {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= count;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates the topics (name to partition count) if missing and waits until every partition has a leader. */
    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic, Duration timeout) {
        try (Admin admin = admin(bootstrapServers)) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
            try {
                admin.createTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topics " + partitionsByTopic.keySet(), e.getCause());
                }
            }
            awaitLeaders(admin, partitionsByTopic, Instant.now().plus(timeout));
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Topics " + partitionsByTopic.keySet() + " not ready", e);
        }
    }

    private static void awaitLeaders(Admin admin, Map<String, Integer> partitionsByTopic, Instant deadline)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitionsByTopic.forEach((topic, partitions) -> {
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        });
        while (true) {
            try {
                admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Partitions of " + partitionsByTopic.keySet() + " have no leader", e);
                }
            }
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        return Admin.create(props);
    }

    private KafkaReadiness() {
    }
}
