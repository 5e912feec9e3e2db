package dev.accrue.infra.teststack;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.Infrastructure;
import java.util.Map;
import java.util.Set;

/**
 * Infrastructure someone else runs, such as the docker-compose stack or a real cluster, named by
 * {@code ACCRUE_KAFKA_BOOTSTRAP_SERVERS}, {@code ACCRUE_SCHEMA_REGISTRY_URL} and
 * {@code ACCRUE_ELASTICSEARCH_URL}. Nothing is started or stopped.
 */
final class EnvironmentEndpoints implements Infrastructure {

    private final Map<String, String> env;

    EnvironmentEndpoints(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Endpoints start(Set<Component> components) {
        Endpoints endpoints = new Endpoints(
                env.get("ACCRUE_KAFKA_BOOTSTRAP_SERVERS"),
                env.get("ACCRUE_SCHEMA_REGISTRY_URL"),
                env.get("ACCRUE_ELASTICSEARCH_URL"));
        components.forEach(endpoints::require);
        return endpoints;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
