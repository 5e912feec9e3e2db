package dev.accrue.search.analytics.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.accrue.search.analytics.AnalyticsFilter;
import dev.accrue.search.indexing.AttendanceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Reads every attendance event matching a filter, oldest first, a page at a time with
 * {@code search_after} on (occurredAt, eventId, sessionId), a unique and stable order, so memory stays flat
 * whatever the size and no server-side context has to be kept or cleaned up. Events indexed while
 * an export runs appear in it only if they sort after the current page.
 */
@Component
public class AttendanceExport {

    static final int PAGE = 1000;

    private final ElasticsearchClient client;

    AttendanceExport(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Calls the consumer with each page of events, in order, until there are no more. Elasticsearch not
     * answering is an {@link UncheckedIOException}, as for every other query.
     */
    public void forEachPage(AnalyticsFilter filter, Consumer<List<AttendanceDocument>> page) {
        try {
            pages(filter, page);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    private void pages(AnalyticsFilter filter, Consumer<List<AttendanceDocument>> page) throws IOException {
        Query query = exportQuery(filter);
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<AttendanceDocument> response = client.search(s -> {
                s.index(EventSource.ATTENDANCE.index).size(PAGE).ignoreUnavailable(true).allowNoIndices(true)
                        .query(query)
                        .sort(o -> o.field(f -> f.field("occurredAt").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("sessionId").order(SortOrder.Asc))); // two providers may share an eventId
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, AttendanceDocument.class);
            List<Hit<AttendanceDocument>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            page.accept(hits.stream().map(Hit::source).toList());
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Every event type is exported (LEFT too), with the analytics' date range and filters. */
    static Query exportQuery(AnalyticsFilter filter) {
        return AnalyticsQueries.filter(EventSource.ATTENDANCE, filter);
    }
}
