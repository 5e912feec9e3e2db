package dev.accrue.search.indexing.elastic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is and how the indices are laid out ({@code accrue.elasticsearch.*}).
 *
 * @param url base URL of the HTTP API (env {@code ACCRUE_ELASTICSEARCH_URL})
 * @param username basic-auth user, when the cluster has security on
 * @param password basic-auth password
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 * @param shards primary shards of each index; one keeps cardinality and top-N answers exact
 * @param replicas replicas of each index (0 on a single node)
 */
@ConfigurationProperties("accrue.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue("http://localhost:9200") String url,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue("1") int shards,
        @DefaultValue("1") int replicas) {
}
