package dev.accrue.ingest.provider;

import dev.accrue.ingest.view.Position;

/** Stores provider profiles durably: returns only once the broker acknowledged the record. */
public interface ProviderPublisher {

    Position publish(Provider provider);
}
