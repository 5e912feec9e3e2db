package dev.accrue.search.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.accrue.platform.topics.AccrueTopics;
import dev.accrue.stack.Component;
import dev.accrue.stack.Endpoints;
import dev.accrue.stack.KafkaReadiness;
import dev.accrue.stack.SharedStack;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
                "accrue.search-dead-letters", 3, (short) 1, true);
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

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
