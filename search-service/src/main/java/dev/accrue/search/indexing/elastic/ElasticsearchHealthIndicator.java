package dev.accrue.search.indexing.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the cluster's health under {@code /actuator/health} ({@code elasticsearch}): red or no
 * answer is DOWN; yellow is UP, since a single node never allocates replicas.
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            HealthResponse response = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            Health.Builder builder = response.status() == HealthStatus.Red ? Health.down() : Health.up();
            return builder.withDetail("cluster", response.clusterName())
                    .withDetail("status", response.status().jsonValue())
                    .withDetail("nodes", response.numberOfNodes())
                    .build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
