package dev.accrue.search.indexing.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.Indices;
import dev.accrue.search.indexing.LatestWrites;
import dev.accrue.search.indexing.WriteOutcome;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completes attendance documents that were indexed before their session ({@code sessionResolved=false}),
 * rewriting them denormalised with the participations and enrolments they stand for. Both sides check after
 * their batch is in: a batch of pending attendance completes its own documents ({@link #complete}), a batch
 * of sessions finds the documents waiting for them ({@link #resolve}), so none stays pending once its
 * session exists. Why that holds: docs/design.md, 'Search analytics count documents, not distinct values'.
 */
@Component
public class PendingAttendance {

    private static final Logger log = LoggerFactory.getLogger(PendingAttendance.class);
    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final SessionLookup sessions;
    private final BulkWriter writer;

    PendingAttendance(ElasticsearchClient client, SessionLookup sessions, BulkWriter writer) {
        this.client = client;
        this.sessions = sessions;
        this.writer = writer;
    }

    /** Completes the given pending documents (already indexed) whose sessions are indexed now. */
    public void complete(List<AttendanceDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Map<String, CatalogSession> known = sessions.find(documents.stream().map(AttendanceDocument::sessionId)
                .collect(Collectors.toSet()));
        rewrite(documents, known);
    }

    /** Finds and completes the indexed documents waiting for any of these sessions. */
    public void resolve(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        try {
            client.indices().refresh(r -> r.index(Indices.ATTENDANCE));
            Map<String, CatalogSession> known = sessions.find(sessionIds);
            if (known.isEmpty()) {
                return;
            }
            List<FieldValue> ids = known.keySet().stream().map(FieldValue::of).toList();
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchResponse<AttendanceDocument> page = client.search(s -> {
                    s.index(Indices.ATTENDANCE).size(PAGE)
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.terms(t -> t.field("sessionId").terms(v -> v.value(ids))))
                                    .filter(f -> f.term(t -> t.field("sessionResolved").value(false)))))
                            .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("sessionId").order(SortOrder.Asc))); // eventIds repeat across providers
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, AttendanceDocument.class);
                List<Hit<AttendanceDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                rewrite(hits.stream().map(Hit::source).toList(), known);
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException | ElasticsearchException e) {
            throw new ElasticsearchUnavailableException("Cannot complete pending attendance: " + e.getMessage(), e);
        }
    }

    /** Writes the documents whose sessions are known again, completed, with the participations and enrolments they stand for. */
    private void rewrite(List<AttendanceDocument> documents, Map<String, CatalogSession> known) {
        List<DocumentWrite> writes = documents.stream().filter(d -> known.containsKey(d.sessionId()))
                .flatMap(d -> d.resolvedWith(known.get(d.sessionId())).writes().stream()).toList();
        for (ItemResult result : writer.write(LatestWrites.of(writes, w -> w).kept())) {
            if (result.outcome() == WriteOutcome.RETRY) {
                throw new ElasticsearchUnavailableException("Elasticsearch did not take a completed attendance: "
                        + result.error());
            }
            if (result.outcome() == WriteOutcome.REJECTED) {
                // The attendance document itself then stays pending; a refused participation or enrolment is missing.
                log.error("Completing pending attendance, {} was rejected: {}", result.write().documentKey(), result.error());
            }
        }
    }
}
