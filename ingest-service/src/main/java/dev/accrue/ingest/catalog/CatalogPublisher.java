package dev.accrue.ingest.catalog;

import dev.accrue.ingest.view.Position;
import java.util.List;

/**
 * Stores catalog changes durably. Each method returns only once the broker has acknowledged the
 * record, and throws {@link dev.accrue.ingest.errors.UnavailableException} when it cannot in time.
 */
public interface CatalogPublisher {

    default Position publish(Session session) {
        return publishAll(List.of(session)).get(0);
    }

    /** Where each session was stored, in order; one wait for the broker's acknowledgements of all of them. */
    List<Position> publishAll(List<Session> sessions);

    Position publish(SessionClosure closure);
}
