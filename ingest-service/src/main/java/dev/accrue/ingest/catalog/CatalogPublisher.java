package dev.accrue.ingest.catalog;

import dev.accrue.ingest.view.Position;

/**
 * Stores catalog changes durably. Each method returns only once the broker has acknowledged the
 * record, and throws {@link dev.accrue.ingest.errors.UnavailableException} when it cannot in time.
 */
public interface CatalogPublisher {

    Position publish(Session session);

    Position publish(SessionClosure closure);
}
