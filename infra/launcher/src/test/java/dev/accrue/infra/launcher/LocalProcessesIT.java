package dev.accrue.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Starts the real broker, registry and Elasticsearch node, checks each answers, and that stopping leaves nothing running. */
class LocalProcessesIT {

    @Test
    void startsEveryComponentOnLoopbackAndLeavesNothingRunning() {
        Map<Component, Long> pids;
        try (LocalProcesses stack = new LocalProcesses(StackLayout.locate(), LocalProcesses.Ports.ephemeral())) {
            Endpoints endpoints = stack.start(Set.of(Component.values()));

            assertThat(endpoints.kafkaBootstrapServers()).startsWith("127.0.0.1:");
            KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), Map.of("readiness-check", 3), Duration.ofSeconds(30));
            assertThat(Probes.httpOk(endpoints.schemaRegistryUrl() + "/subjects")).isTrue();
            assertThat(Probes.httpOk(endpoints.elasticsearchUrl() + "/")).isTrue();
            pids = stack.pids();
            assertThat(pids).hasSize(3);
        }

        pids.values().forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d still alive", pid).isFalse());
    }

    @Test
    void aStoppedComponentComesBackOnTheSameEndpoint() {
        try (LocalProcesses stack = new LocalProcesses(StackLayout.locate(), LocalProcesses.Ports.ephemeral())) {
            String before = stack.start(Set.of(Component.KAFKA)).kafkaBootstrapServers();
            stack.stop(Component.KAFKA);
            assertThat(KafkaReadiness.brokerAnswers(before)).isFalse();

            String after = stack.start(Set.of(Component.KAFKA)).kafkaBootstrapServers();

            assertThat(after).isEqualTo(before);
            assertThat(KafkaReadiness.brokerAnswers(after)).isTrue();
        }
    }
}
