package dev.accrue.search.reporting.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.accrue.search.catalog.Approval;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.indexing.AwardDocument;
import dev.accrue.search.indexing.DocumentIds;
import dev.accrue.search.indexing.Indices;
import dev.accrue.search.indexing.elastic.IndexTemplates;
import dev.accrue.search.reporting.RosterDiff;
import dev.accrue.search.reporting.RosterExport;
import dev.accrue.search.reporting.RosterRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.elasticsearch.client.ResponseException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Makes and keeps roster exports to a state's board. The next export of an offering diffs the offering's awards for
 * the state's board approval against the lines the previous export left the board holding, and is stored under its
 * number with create-only semantics: two exports made at once get the same number, one is stored and the other
 * is refused (409), so no line is ever reported twice or lost between two exports. The store waits for a refresh,
 * so the next request sees the export it follows.
 */
@Component
@EnableConfigurationProperties(ReportingProperties.class)
public class RosterExports {

    /** The body whose approvals a state board's roster reports: the board itself (STATE_BOARD/FL). */
    static final String BOARD = "STATE_BOARD";
    static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final IndexTemplates templates;
    private final ReportingProperties properties;
    private final Clock clock;

    RosterExports(ElasticsearchClient client, IndexTemplates templates, ReportingProperties properties, Clock clock) {
        this.client = client;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The next export of the session's roster to the state's board, or empty when nothing changed since the last
     * one: an export is stored only when it tells the board something, so repeated requests cannot grow the store.
     * {@code ownProvider} is the caller's provider for a PROVIDER key: another provider's session is not found, as
     * if it did not exist.
     */
    public Optional<RosterExport> create(String sessionId, String state, Optional<String> ownProvider) {
        try {
            templates.ensureInstalled();
            CatalogSession session = session(sessionId, ownProvider);
            Approval approval = session.approvals().stream()
                    .filter(a -> BOARD.equals(a.body()) && state.equals(a.jurisdiction())).findFirst()
                    .orElseThrow(() -> RosterRefusedException.unprocessable("Session '" + sessionId + "' has no "
                            + BOARD + "/" + state + " approval, so there is nothing to report to that board"));
            if (approval.providerNumber() == null) {
                throw RosterRefusedException.unprocessable("Session '" + sessionId + "' has no providerNumber on its "
                        + BOARD + "/" + state + " approval: the board files completions under the provider's tracking"
                        + " number (CE Broker: 50-...); add it to the approval with PUT /v1/sessions/" + sessionId);
            }
            Optional<RosterExport> previous = latest(sessionId, state);
            ZoneId zone = ZoneId.of(session.timeZone() != null ? session.timeZone() : properties.fallbackTimeZone());
            RosterDiff diff = RosterDiff.between(previous.map(RosterExport::reported).orElse(List.of()),
                    awards(sessionId, state), session.creditHours(), zone);
            if (diff.changes().isEmpty()) {
                return Optional.empty();
            }
            RosterExport export = new RosterExport(sessionId, state, previous.map(p -> p.number() + 1).orElse(1),
                    session.providerId(), session.courseId(), session.title(), approval.providerNumber(),
                    approval.approvalId(), clock.instant(), diff.changes(), diff.unreportable(), diff.reported());
            store(export);
            return Optional.of(export);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    /** An export made before, if it exists and the caller may see it. */
    public Optional<RosterExport> find(String sessionId, String state, int number, Optional<String> ownProvider) {
        try {
            GetResponse<RosterExport> response = client.get(g -> g.index(Indices.ROSTER_EXPORTS)
                    .id(id(sessionId, state, number)), RosterExport.class);
            return Optional.ofNullable(response.found() ? response.source() : null)
                    .filter(e -> ownProvider.map(e.providerId()::equals).orElse(true));
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    private CatalogSession session(String sessionId, Optional<String> ownProvider) throws IOException {
        GetResponse<CatalogSession> response = client.get(g -> g.index(Indices.SESSIONS).id(DocumentIds.of(sessionId)),
                CatalogSession.class);
        return Optional.ofNullable(response.found() ? response.source() : null)
                .filter(s -> ownProvider.map(s.providerId()::equals).orElse(true))
                .orElseThrow(() -> RosterRefusedException.notFound("No session '" + sessionId + "' of yours is indexed"));
    }

    private Optional<RosterExport> latest(String sessionId, String state) throws IOException {
        SearchResponse<RosterExport> response = client.search(s -> s.index(Indices.ROSTER_EXPORTS).size(1)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("sessionId").value(sessionId)))
                        .filter(f -> f.term(t -> t.field("state").value(state)))))
                .sort(o -> o.field(f -> f.field("number").order(SortOrder.Desc))), RosterExport.class);
        return response.hits().hits().stream().findFirst().map(Hit::source);
    }

    /** Every award of the session for the state's board approval, earned or revoked, a page at a time. */
    private List<AwardDocument> awards(String sessionId, String state) throws IOException {
        List<AwardDocument> awards = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<AwardDocument> response = client.search(s -> {
                s.index(Indices.AWARDS).size(PAGE).ignoreUnavailable(true).allowNoIndices(true)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("sessionId").value(sessionId)))
                                .filter(f -> f.term(t -> t.field("body").value(BOARD)))
                                .filter(f -> f.term(t -> t.field("jurisdiction").value(state)))))
                        .sort(o -> o.field(f -> f.field("awardId").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, AwardDocument.class);
            List<Hit<AwardDocument>> hits = response.hits().hits();
            hits.forEach(h -> awards.add(h.source()));
            if (awards.size() > properties.maxLines()) {
                throw RosterRefusedException.unprocessable("Session '" + sessionId + "' has more than "
                        + properties.maxLines() + " awards for " + BOARD + "/" + state + ", more than one export may"
                        + " list (accrue.search.reports.max-lines)");
            }
            if (hits.size() < PAGE) {
                return awards;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private void store(RosterExport export) throws IOException {
        try {
            client.create(c -> c.index(Indices.ROSTER_EXPORTS).id(id(export.sessionId(), export.state(), export.number()))
                    .document(export).refresh(Refresh.WaitFor));
        } catch (ElasticsearchException e) {
            throw e.status() == 409 ? madeMeanwhile(export) : e;
        } catch (ResponseException e) {
            // The REST transport reports a create conflict as a failed response, not as an ElasticsearchException.
            if (e.getResponse().getStatusLine().getStatusCode() == 409) {
                throw madeMeanwhile(export);
            }
            throw e;
        }
    }

    private static RosterRefusedException madeMeanwhile(RosterExport export) {
        return RosterRefusedException.conflict("Export " + export.number() + " of session '" + export.sessionId() + "' to "
                + export.state() + " was made by another request at the same time; ask again for the next one");
    }

    static String id(String sessionId, String state, int number) {
        return DocumentIds.of(sessionId, state, Integer.toString(number));
    }
}
