package dev.accrue.search.indexing.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.indexing.DocumentIds;
import dev.accrue.search.indexing.Indices;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds sessions in the sessions index by id, to denormalise attendance. It uses multi-get, which
 * is real-time: a session indexed a moment ago is found even before the index refreshes. There is no
 * local cache, so every instance sees the same catalog.
 */
@Component
public class SessionLookup {

    private final ElasticsearchClient client;

    SessionLookup(ElasticsearchClient client) {
        this.client = client;
    }

    public Map<String, CatalogSession> find(Collection<String> sessionIds) {
        Map<String, CatalogSession> found = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<CatalogSession> response = client.mget(m -> m.index(Indices.SESSIONS)
                    .ids(sessionIds.stream().map(DocumentIds::of).distinct().toList()), CatalogSession.class);
            for (MultiGetResponseItem<CatalogSession> item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    CatalogSession session = item.result().source();
                    found.put(session.sessionId(), session);
                }
            }
            return found;
        } catch (IOException | RuntimeException e) {
            throw new ElasticsearchUnavailableException("Cannot look up sessions: " + e.getMessage(), e);
        }
    }
}
