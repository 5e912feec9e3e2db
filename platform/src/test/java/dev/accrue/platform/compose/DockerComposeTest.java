package dev.accrue.platform.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accrue.platform.topics.AccrueTopics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on machines without a Docker engine, so it is checked here: its
 * services, health checks, ports and settings must agree with the services' own configuration,
 * and with the topics the platform declares. Where Debian's docker-compose is installed, it
 * must also accept the file.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("accrue.root", ".."));
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Map<String, Object> SERVICES = services();

    @Test
    void declaresTheInfrastructureAndTheThreeServices() {
        assertThat(SERVICES).containsKeys("kafka", "kafka-init", "schema-registry", "elasticsearch", "kibana",
                "kibana-init", "ingest-service", "credit-service", "search-service");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        SERVICES.forEach((name, service) -> {
            if (!name.endsWith("-init")) {
                assertThat(map(service)).as(name).containsKey("healthcheck");
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"ingest-service", "credit-service", "search-service"})
    void aServicePublishesThePortItsConfigurationListensOn(String service) throws IOException {
        int configured = serverPort(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
        Map<String, Object> definition = map(SERVICES.get(service));

        assertThat(environment(service).get("SERVER_PORT")).hasToString(String.valueOf(configured));
        assertThat(list(definition.get("ports"))).contains(configured + ":" + configured);
        assertThat(list(map(definition.get("healthcheck")).get("test")).toString()).contains("localhost:" + configured);
        assertThat(map(definition.get("build")).get("args")).isEqualTo(Map.of("SERVICE", service));
    }

    @ParameterizedTest
    @CsvSource({"ingest-service", "credit-service", "search-service"})
    void aServiceReachesKafkaAndTheRegistryOnTheirInternalListeners(String service) {
        Map<String, Object> env = environment(service);
        String advertised = String.valueOf(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"));

        assertThat(advertised).contains("//" + env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(env.get("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL")).isEqualTo("http://schema-registry:8081");
        assertThat(env.get("ACCRUE_TOPICS_CREATE")).as("topics come from kafka-init").isEqualTo("false");
    }

    @Test
    void searchReachesElasticsearch() {
        assertThat(environment("search-service").get("ACCRUE_ELASTICSEARCH_URL")).isEqualTo("http://elasticsearch:9200");
        assertThat(String.valueOf(map(SERVICES.get("elasticsearch")).get("image"))).endsWith(":8.19.21");
    }

    @Test
    void creditKeepsItsStateOnAVolumeAndSignsWithAConfiguredKey() throws IOException {
        Map<String, Object> credit = map(SERVICES.get("credit-service"));
        String stateDir = String.valueOf(map(map(map(yaml(ROOT.resolve("credit-service/src/main/resources/application.yml"))
                .get("spring")).get("kafka")).get("streams")).get("state-dir"));

        assertThat(list(credit.get("volumes"))).anySatisfy(v -> assertThat(String.valueOf(v)).endsWith(":" + stateDir));
        assertThat(environment("credit-service")).containsKeys("ACCRUE_CREDIT_CREDENTIALS_SIGNING_KEY", "ACCRUE_CREDIT_ADVERTISED_HOST");
    }

    @Test
    void kafkaInitCreatesEveryPlatformTopicWithItsPartitionsAndCompaction() {
        String script = list(map(SERVICES.get("kafka-init")).get("command")).toString();
        List<String> topics = defaultTopicNames();
        String partitions = defaultOf("partitions");

        assertThat(topics).hasSize(10);
        for (String topic : topics) {
            assertThat(script).contains("create " + topic);
        }
        assertThat(script).contains("--partitions " + partitions);
        assertThat(script).contains("create " + defaultOf("sessions") + " \"--config cleanup.policy=compact\"");
        assertThat(script).contains("create " + defaultOf("licensees") + " \"--config cleanup.policy=compact\"");
        assertThat(script).contains("create " + defaultOf("providers") + " \"--config cleanup.policy=compact\"");
    }

    /** Kafka, the registry, Elasticsearch and Kibana have no authentication here: only the compose network reaches them. */
    @ParameterizedTest
    @CsvSource({"kafka", "kafka-init", "schema-registry", "elasticsearch", "kibana", "kibana-init"})
    void unauthenticatedInfrastructurePublishesNoPortOnTheHost(String service) {
        assertThat(map(SERVICES.get(service))).as(service).doesNotContainKeys("ports", "network_mode");
    }

    @Test
    void onlyTheServicesThatAskForAnApiKeyArePublished() throws Exception {
        Map<String, Object> resolved = map(new Yaml().load(dockerComposeConfig("config")));
        Map<String, Object> published = new java.util.TreeMap<>();
        map(resolved.get("services")).forEach((name, service) -> {
            if (map(service).containsKey("ports")) {
                published.put(name, map(service).get("ports"));
            }
        });

        assertThat(published).containsOnlyKeys("ingest-service", "credit-service", "search-service");
        assertThat(map(resolved.get("services")).get("credit-service").toString()).contains("ACCRUE_SECURITY_PEER_SECRET");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        dockerComposeConfig("config", "-q");
    }

    /** Runs {@code docker-compose config} with every required variable set, and returns what it printed. */
    private static String dockerComposeConfig(String... arguments) throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed; .ci/run installs it");
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", COMPOSE.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("ACCRUE_ADMIN_KEY_SHA256", "0".repeat(64));
        builder.environment().put("ACCRUE_ANALYST_KEY_SHA256", "1".repeat(64));
        builder.environment().put("ACCRUE_PROVIDER_KEY_SHA256", "2".repeat(64));
        builder.environment().put("ACCRUE_CREDENTIALS_SIGNING_KEY", "{}");
        builder.environment().put("ACCRUE_PEER_SECRET", "3".repeat(64));
        Path errors = Files.createTempFile("docker-compose", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output + Files.readString(errors)).isZero();
        Files.delete(errors);
        return output;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static int serverPort(Path applicationYml) throws IOException {
        Object port = map(yaml(applicationYml).get("server")).get("port");
        Matcher matcher = Pattern.compile("(\\d+)\\}?$").matcher(String.valueOf(port));
        assertThat(matcher.find()).as("server.port in " + applicationYml).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Topic names as {@link AccrueTopics} declares them by default (its String components). */
    private static List<String> defaultTopicNames() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : AccrueTopics.class.getRecordComponents()) {
            if (component.getType() == String.class) {
                names.add(defaultOf(component.getName()));
            }
        }
        return names;
    }

    /** {@code @DefaultValue} sits on the canonical constructor's parameters, in component order. */
    private static String defaultOf(String component) {
        RecordComponent[] components = AccrueTopics.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Parameter[] parameters = AccrueTopics.class.getDeclaredConstructor(types).getParameters();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(component)) {
                    return parameters[i].getAnnotation(DefaultValue.class).value()[0];
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(component);
    }

    private static Map<String, Object> environment(String service) {
        return map(map(SERVICES.get(service)).get("environment"));
    }

    private static Map<String, Object> services() {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> yaml = new Yaml().load(reader);
            return map(yaml.get("services"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + COMPOSE, e);
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
