package dev.accrue.ingest.view.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.ingest.view.KeyedView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The reader against the real broker: a record that cannot be read yet must not cost the view any other record, and a
 * key's catch-up sees what another writer stored.
 */
class CompactedTopicReaderIT {

    private static final Endpoints STACK = SharedStack.start(Component.KAFKA);
    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 20;

    @Test
    void aRecordThatCannotBeReadYetIsRetriedWithoutLosingTheOtherPartitionsRecordsOfItsPoll() throws Exception {
        String topic = "reader-it-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int n = 0; n < PER_PARTITION; n++) {
                    String key = "key-" + partition + "-" + n;
                    keys.add(key);
                    producer.send(new ProducerRecord<>(topic, partition, key, "value of " + key));
                }
            }
            producer.flush();
        }

        // All records are there before the reader starts, so its first poll brings several partitions at once;
        // the first record it is handed fails once, as when the schema registry is briefly down.
        KeyedView<String> view = new KeyedView<>("test view", Duration.ofSeconds(1), Duration.ofSeconds(1));
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (Admin admin = admin()) {
            CompactedTopicReader reader = new CompactedTopicReader(topic,
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()), admin, Duration.ofMillis(200),
                    view, (key, value, position) -> {
                        if (failedOnce.isEmpty() && failedOnce.add(key)) {
                            throw new RetriableException("schema registry unavailable") {
                            };
                        }
                        view.apply(key, new String(value, StandardCharsets.UTF_8), position);
                    });
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(view::isReady);
                assertThat(failedOnce).hasSize(1);
                assertThat(view.size()).isEqualTo(keys.size());
                for (String key : keys) {
                    assertThat(view.find(key)).as(key).contains("value of " + key);
                }
            } finally {
                reader.stop();
            }
        }
    }

    @Test
    void aKeysCatchUpSeesEveryWriteOfTheKeyAcknowledgedBeforeItWhoeverWroteIt() throws Exception {
        String topic = "reader-it-" + UUID.randomUUID();
        KeyedView<String> view = new KeyedView<>("test view", Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (Admin admin = admin();
             KafkaProducer<String, String> otherInstance = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            CompactedTopicReader reader = new CompactedTopicReader(topic,
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()), admin, Duration.ofMillis(200),
                    view, (key, value, position) -> view.apply(key, new String(value, StandardCharsets.UTF_8), position));
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(view::isReady);
                for (int n = 0; n < 50; n++) {
                    String key = "key-" + n;
                    // Keyed like ingest's producer (default partitioner); acknowledged before the lookup starts.
                    otherInstance.send(new ProducerRecord<>(topic, key, "version " + n)).get();
                    assertThat(view.findCurrent(key)).as(key).contains("version " + n);
                }
            } finally {
                reader.stop();
            }
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()));
    }
}
