package dev.accrue.search.indexing.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Reports under {@code /actuator/health} ({@code kafka}) whether the brokers answer and whether the
 * indexing consumer runs. A consumer retrying a batch while Elasticsearch is down still runs. Health is
 * public, so a flood of calls must not reach Kafka: one admin client serves every check, and the
 * brokers' answer is reused for {@link #BROKER_CHECK_TTL}.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration BROKER_CHECK_TTL = Duration.ofSeconds(5);
    private static final int TIMEOUT_MS = 3000;

    private final Supplier<Admin> adminFactory;
    private final KafkaListenerEndpointRegistry listeners;
    private final LongSupplier nanoTime;
    private Admin admin;
    private Health brokers;
    private long checkedAt;

    @Autowired
    KafkaHealthIndicator(KafkaProperties kafka, KafkaListenerEndpointRegistry listeners) {
        this(() -> Admin.create(adminConfig(kafka)), listeners, System::nanoTime);
    }

    KafkaHealthIndicator(Supplier<Admin> adminFactory, KafkaListenerEndpointRegistry listeners, LongSupplier nanoTime) {
        this.adminFactory = adminFactory;
        this.listeners = listeners;
        this.nanoTime = nanoTime;
    }

    @Override
    public Health health() {
        MessageListenerContainer indexer = listeners.getListenerContainer(IndexingListener.ID);
        boolean running = indexer != null && indexer.isRunning();
        Health cluster = brokers();
        return Health.status(cluster.getStatus()).withDetails(cluster.getDetails())
                .withDetail("indexerRunning", running).build();
    }

    /** Callers that arrive while a check runs wait for it, then share its answer. */
    private synchronized Health brokers() {
        long now = nanoTime.getAsLong();
        if (brokers != null && now - checkedAt < BROKER_CHECK_TTL.toNanos()) {
            return brokers;
        }
        if (admin == null) {
            admin = adminFactory.get();
        }
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            brokers = Health.up().withDetail("brokers", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            brokers = Health.down().withDetail("error", "Interrupted").build();
        } catch (Exception e) {
            brokers = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
        checkedAt = nanoTime.getAsLong();
        return brokers;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static Map<String, Object> adminConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "accrue-search-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        return config;
    }
}
