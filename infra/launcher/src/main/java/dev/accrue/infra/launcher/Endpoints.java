package dev.accrue.infra.launcher;

/**
 * Where the infrastructure answers. A component that was not started has a null endpoint.
 *
 * @param kafkaBootstrapServers Kafka {@code bootstrap.servers}
 * @param schemaRegistryUrl base URL of a Confluent-API schema registry ({@code schema.registry.url})
 * @param elasticsearchUrl base URL of Elasticsearch's HTTP API
 */
public record Endpoints(String kafkaBootstrapServers, String schemaRegistryUrl, String elasticsearchUrl) {

    public String require(Component component) {
        String value = switch (component) {
            case KAFKA -> kafkaBootstrapServers;
            case SCHEMA_REGISTRY -> schemaRegistryUrl;
            case ELASTICSEARCH -> elasticsearchUrl;
        };
        if (value == null) {
            throw new IllegalStateException(component + " was not started");
        }
        return value;
    }

    Endpoints merge(Endpoints other) {
        return new Endpoints(
                other.kafkaBootstrapServers != null ? other.kafkaBootstrapServers : kafkaBootstrapServers,
                other.schemaRegistryUrl != null ? other.schemaRegistryUrl : schemaRegistryUrl,
                other.elasticsearchUrl != null ? other.elasticsearchUrl : elasticsearchUrl);
    }
}
