package dev.accrue.ingest.catalog;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.NotFoundException;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import java.time.Clock;

/**
 * Creates, replaces and closes sessions. A provider may write only sessions whose providerId is
 * its own, and may not take over a session id another provider already uses. The catalog view is
 * updated as soon as the broker acknowledges the write, so this instance can accept attendance for
 * the session at once.
 */
public final class CatalogService {

    private final KeyedView<KnownSession> catalog;
    private final CatalogPublisher publisher;
    private final Clock clock;

    public CatalogService(KeyedView<KnownSession> catalog, CatalogPublisher publisher, Clock clock) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Session put(String sessionId, SessionInput input, Access access) {
        Session session = SessionPolicy.validate(sessionId, input, clock.instant());
        access.requireProvider(session.providerId(), "sessions");
        // A fresh lookup, so a session another instance has just created cannot be taken over.
        catalog.findFresh(sessionId).ifPresent(existing -> {
            if (!access.mayActFor(existing.providerId())) {
                throw new ForbiddenException("Session '" + sessionId + "' belongs to provider '" + existing.providerId()
                        + "'; " + access.describe() + " may not replace it");
            }
        });
        Position position = publisher.publish(session);
        catalog.apply(sessionId, KnownSession.of(session), position);
        return session;
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
