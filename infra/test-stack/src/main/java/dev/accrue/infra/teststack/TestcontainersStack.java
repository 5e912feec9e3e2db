package dev.accrue.infra.teststack;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same infrastructure as containers, for machines with a Docker engine ({@code -Ptestcontainers}).
 * It uses the images docker-compose.yml uses: Apache Kafka, Confluent Schema Registry and
 * Elasticsearch. Testcontainers is an optional dependency; this class loads only when chosen.
 */
final class TestcontainersStack implements Infrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.1";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";

    private final Network network = Network.newNetwork();
    private final List<GenericContainer<?>> started = new ArrayList<>();
    private KafkaContainer kafka;
    private GenericContainer<?> registry;
    private ElasticsearchContainer elasticsearch;

    static Infrastructure create() {
        return new TestcontainersStack();
    }

    @Override
    public synchronized Endpoints start(Set<Component> components) {
        if ((components.contains(Component.KAFKA) || components.contains(Component.SCHEMA_REGISTRY)) && kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    .withNetwork(network)
                    .withListener("kafka:19092");
            run(kafka);
        }
        if (components.contains(Component.SCHEMA_REGISTRY) && registry == null) {
            registry = new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
                    .withNetwork(network)
                    .withExposedPorts(8081)
                    .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                    .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                    .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                    .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
            run(registry);
        }
        if (components.contains(Component.ELASTICSEARCH) && elasticsearch == null) {
            elasticsearch = new ElasticsearchContainer(DockerImageName.parse(ELASTICSEARCH_IMAGE))
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
            run(elasticsearch);
        }
        return new Endpoints(
                kafka == null ? null : kafka.getBootstrapServers(),
                registry == null ? null : "http://" + registry.getHost() + ":" + registry.getMappedPort(8081),
                elasticsearch == null ? null : "http://" + elasticsearch.getHttpHostAddress());
    }

    private void run(GenericContainer<?> container) {
        container.start();
        started.add(container);
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
        network.close();
    }
}
