package dev.accrue.search.indexing.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import dev.accrue.search.indexing.Indices;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Installs an index template with an explicit, strict mapping for each index (from
 * {@code elasticsearch/<index>.json}), creates the index if missing, and adds new fields to an existing
 * index. It runs before the first write of this instance and again after a failure, so an instance that
 * starts while Elasticsearch is down installs them once it is back; the start-up attempt only logs. The
 * mappings use nothing a bare node lacks (no language analyzers or {@code scaled_float}).
 */
@Component
public class IndexTemplates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);
    private static final long PRIORITY = 500;

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;
    private volatile boolean installed;

    IndexTemplates(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensureInstalled();
        } catch (ElasticsearchUnavailableException e) {
            log.warn("Index templates not installed yet ({}); the indexer retries before its first write", e.getMessage());
        }
    }

    public void ensureInstalled() {
        if (installed) {
            return;
        }
        synchronized (this) {
            if (installed) {
                return;
            }
            try {
                for (String index : Indices.ALL) {
                    install(index, mapping(index));
                }
                install(Indices.ROSTER_EXPORTS, mapping(Indices.ROSTER_EXPORTS));
            } catch (IOException e) {
                throw new ElasticsearchUnavailableException("Cannot install index templates: " + e.getMessage(), e);
            }
            installed = true;
        }
    }

    private void install(String index, String mappingJson) throws IOException {
        client.indices().putIndexTemplate(t -> t.name(index).indexPatterns(index).priority(PRIORITY)
                .template(tt -> tt
                        .settings(s -> s.numberOfShards(String.valueOf(properties.shards()))
                                .numberOfReplicas(String.valueOf(properties.replicas())))
                        .mappings(TypeMapping.of(m -> m.withJson(new StringReader(mappingJson))))));
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try {
                client.indices().create(c -> c.index(index));
                return;
            } catch (ElasticsearchException e) {
                // Another instance created it in the meantime: fall through and update its mapping.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        client.indices().putMapping(p -> p.index(index).withJson(new StringReader(mappingJson)));
    }

    static String mapping(String index) {
        String path = "/elasticsearch/" + index + ".json";
        try (InputStream in = IndexTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing mapping " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
