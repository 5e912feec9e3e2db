package dev.accrue.ingest.view.kafka;

import dev.accrue.ingest.view.KeyedView;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN until the view has replayed its topic up to the end offsets seen at start-up, so a load
 * balancer sends no traffic to an instance that would still answer "unknown session".
 */
public final class ViewHealthIndicator implements HealthIndicator {

    private final KeyedView<?> view;

    public ViewHealthIndicator(KeyedView<?> view) {
        this.view = view;
    }

    @Override
    public Health health() {
        Health.Builder health = view.isReady() ? Health.up() : Health.down().withDetail("reason", "still loading from Kafka");
        return health.withDetail("entries", view.size()).build();
    }
}
