package dev.accrue.ingest.catalog;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.Keyed;
import dev.accrue.ingest.batch.Repeats;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.NotFoundException;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import dev.accrue.ingest.view.StripedLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, replaces (one or a batch) and closes sessions. A provider may write only sessions whose providerId is
 * its own, and may not take over a session id another provider already uses. The catalog view is
 * updated as soon as the broker acknowledges the write, so this instance can accept attendance for
 * the session at once.
 */
public final class CatalogService {

    private final KeyedView<KnownSession> catalog;
    private final CatalogPublisher publisher;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public CatalogService(KeyedView<KnownSession> catalog, CatalogPublisher publisher, Clock clock) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Session put(String sessionId, SessionInput input, Access access) {
        Session session = SessionPolicy.validate(sessionId, input, clock.instant());
        access.requireProvider(session.providerId(), "sessions");
        // Checking the owner, publishing and applying hold the session's lock, so two writes of one session through
        // this instance cannot both pass the check.
        return locks.withLock(sessionId, () -> {
            // A fresh lookup, so a session another instance has just created cannot be taken over.
            requireMayReplace(catalog.findFresh(sessionId), sessionId, access);
            Position position = publisher.publish(session);
            catalog.apply(sessionId, KnownSession.of(session), position);
            return session;
        });
    }

    /**
     * A batch of sessions, each checked as its single PUT is and answered on its own: 200 stored, 400 malformed,
     * 403 another provider's providerId or existing session, 409 a repeat in the batch with different content (an
     * exact repeat is stored once), 422 invalid. All stored sessions are published together and the answer waits
     * for the broker's acknowledgement of all of them (503 otherwise).
     */
    public BatchResult putBatch(List<BatchItem<Keyed<SessionInput>>> items, Access access) {
        Instant now = clock.instant();
        BatchResult.Item[] results = new BatchResult.Item[items.size()];
        Repeats<Session> repeats = new Repeats<>("sessionId");
        Map<Integer, Session> candidates = repeats.firstValid(items, results,
                (id, input) -> SessionPolicy.validate(id, input, now));
        locks.withLocks(repeats.ids(), () -> {
            storeAll(candidates, results, access);
            return null;
        });
        repeats.answerExactRepeats(results);
        return BatchResult.of("sessionId", Arrays.asList(results));
    }

    /** Under the batch's locks: who owns each existing session (one catch-up for all misses), then one publish. */
    private void storeAll(Map<Integer, Session> candidates, BatchResult.Item[] results, Access access) {
        if (candidates.isEmpty()) {
            return;
        }
        catalog.requireReady();
        if (candidates.values().stream().anyMatch(s -> catalog.find(s.sessionId()).isEmpty())) {
            catalog.requireCaughtUp(); // as findFresh does for one miss, once for the batch
        }
        List<Session> stored = new ArrayList<>(candidates.size());
        candidates.forEach((index, session) -> {
            String refused = "providerId"; // as the single PUT: the session's provider first, then the existing session's
            try {
                access.requireProvider(session.providerId(), "sessions");
                refused = "sessionId";
                requireMayReplace(catalog.find(session.sessionId()), session.sessionId(), access);
                stored.add(session);
                results[index] = new BatchResult.Item(index, session.sessionId(), BatchResult.STORED, List.of());
            } catch (ForbiddenException e) {
                results[index] = new BatchResult.Item(index, session.sessionId(), BatchResult.FORBIDDEN,
                        List.of(new FieldError(refused, e.getMessage())));
            }
        });
        List<Position> positions = publisher.publishAll(stored);
        for (int i = 0; i < stored.size(); i++) {
            catalog.apply(stored.get(i).sessionId(), KnownSession.of(stored.get(i)), positions.get(i));
        }
    }

    private static void requireMayReplace(Optional<KnownSession> existing, String sessionId, Access access) {
        existing.ifPresent(session -> {
            if (!access.mayActFor(session.providerId())) {
                throw new ForbiddenException("Session '" + sessionId + "' belongs to provider '" + session.providerId()
                        + "'; " + access.describe() + " may not replace it");
            }
        });
    }

    public SessionClosure close(String sessionId, Access access) {
        if (!Checks.isId(sessionId)) {
            throw new NotFoundException("No session '" + Checks.abbreviate(sessionId) + "' exists (session ids are "
                    + Checks.ID_RULE + ")");
        }
        KnownSession session = catalog.findFresh(sessionId)
                .orElseThrow(() -> new NotFoundException("No session '" + sessionId + "' exists; create it with PUT /v1/sessions/"
                        + sessionId + " first"));
        access.requireProvider(session.providerId(), "sessions");
        SessionClosure closure = new SessionClosure(sessionId, session.providerId(), clock.instant());
        publisher.publish(closure);
        return closure;
    }
}
