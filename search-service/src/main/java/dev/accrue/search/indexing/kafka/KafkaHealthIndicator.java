package dev.accrue.search.indexing.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Reports under {@code /actuator/health} ({@code kafka}) whether the brokers answer and whether the
 * indexing consumer runs. A consumer retrying a batch while Elasticsearch is down still runs. The
 * admin client lives only for one check: an idle one keeps re-bootstrapping while no broker answers.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator {

    private final Map<String, Object> config;
    private final KafkaListenerEndpointRegistry listeners;

    KafkaHealthIndicator(KafkaProperties kafka, KafkaListenerEndpointRegistry listeners) {
        this.config = new java.util.HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.listeners = listeners;
    }

    @Override
    public Health health() {
        MessageListenerContainer indexer = listeners.getListenerContainer(IndexingListener.ID);
        boolean running = indexer != null && indexer.isRunning();
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(3, TimeUnit.SECONDS).size();
            return Health.up().withDetail("brokers", nodes).withDetail("indexerRunning", running).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withDetail("indexerRunning", running).build();
        }
    }
}
