package dev.accrue.search.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaReadiness;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.platform.topics.AccrueTopics;
import dev.accrue.search.indexing.elastic.IndexingProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole service against the real broker, registry and Elasticsearch node of the shared
 * local stack. Every integration test class uses the same configuration, so they share one
 * application context; each class seeds data under its own provider, licensee and board ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
abstract class SearchServiceTestBase {

    static final Endpoints STACK = SharedStack.start(Component.KAFKA, Component.SCHEMA_REGISTRY, Component.ELASTICSEARCH);

    static {
        AccrueTopics defaults = new AccrueTopics("accrue.sessions", "accrue.session-closures", "accrue.licensees",
                "accrue.attendance", "accrue.credits", "accrue.certificates", "accrue.compliance", "accrue.rejections",
                "accrue.search-dead-letters", "accrue.providers", 3, (short) 1, true);
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : new String[] {defaults.sessions(), defaults.attendance(), defaults.credits(),
                defaults.certificates(), defaults.compliance(), defaults.searchDeadLetters()}) {
            topics.put(topic, defaults.partitions());
        }
        KafkaReadiness.createTopics(STACK.kafkaBootstrapServers(), topics, Duration.ofSeconds(60));
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", STACK::kafkaBootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", STACK::schemaRegistryUrl);
        registry.add("accrue.elasticsearch.url", STACK::elasticsearchUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    AccrueTopics topics;

    @Autowired
    IndexingProperties indexing;

    Api api(String key) {
        return new Api("http://127.0.0.1:" + port, key);
    }

    /** Documents in the index matching the query, after a refresh, so the count is what a search would see. */
    long count(String index, Query query) {
        try {
            elasticsearch.indices().refresh(r -> r.index(index));
            return elasticsearch.count(c -> c.index(index).query(query)).count();
        } catch (IOException | RuntimeException e) {
            return -1; // not reachable (yet): the caller's Awaitility loop asks again
        }
    }

    /**
     * True once the indexer has committed every record currently in the indexed topics, i.e. it has
     * processed (indexed or dead-lettered) all of them.
     */
    boolean indexerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(topics.sessions(), topics.attendance(), topics.credits(), topics.certificates(),
                    topics.compliance())) {
                for (int p = 0; p < topics.partitions(); p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(indexing.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
        } catch (Exception e) {
            return false;
        }
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
