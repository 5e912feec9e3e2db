package dev.accrue.search.catalog.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.catalog.SessionHit;
import dev.accrue.search.catalog.SessionSearch;
import dev.accrue.search.catalog.SessionSearchResult;
import dev.accrue.search.indexing.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Full-text search over the catalog: the words are matched against the title (weighted highest),
 * the description and the course id with the standard analyzer, which both a bare node and a full
 * Elasticsearch have; the filters narrow without scoring. Matches are highlighted in title and
 * description, HTML-escaped so they are safe to show as HTML.
 */
@Component
public class CatalogSearch {

    private final ElasticsearchClient client;

    CatalogSearch(ElasticsearchClient client) {
        this.client = client;
    }

    public SessionSearchResult search(SessionSearch search) {
        try {
            SearchResponse<CatalogSession> response = client.search(request(search), CatalogSession.class);
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            return new SessionSearchResult(total, response.hits().hits().stream()
                    .map(h -> new SessionHit(h.source(), h.score() == null ? 0 : h.score(), h.highlight()))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    static SearchRequest request(SessionSearch search) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .must(m -> m.multiMatch(mm -> mm.query(search.text()).type(TextQueryType.BestFields)
                        .fields("title^3", "description", "courseId")));
        filter(bool, "providerId", search.providerId());
        filter(bool, "format", search.format());
        filter(bool, "categories", search.category());
        filter(bool, "bodies", search.body());
        return SearchRequest.of(s -> s.index(Indices.SESSIONS).ignoreUnavailable(true).allowNoIndices(true)
                .size(search.limit()).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(bool.build()))
                // HTML encoder: the indexed text is escaped around the <em> marks, so a title holding markup
                // cannot inject it into a page that shows the highlight as HTML.
                .highlight(h -> h.encoder(HighlighterEncoder.Html).fields("title", f -> f.numberOfFragments(0))
                        .fields("description", f -> f.fragmentSize(150).numberOfFragments(3))));
    }

    private static void filter(BoolQuery.Builder bool, String field, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> bool.filter(q -> q.term(t -> t.field(field).value(v))));
    }
}
