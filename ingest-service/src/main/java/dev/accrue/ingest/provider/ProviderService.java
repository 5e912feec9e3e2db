package dev.accrue.ingest.provider;

import java.time.Clock;

/** Creates or replaces a provider profile: validated, then published. Who may do so is the controller's check. */
public final class ProviderService {

    private final ProviderPublisher publisher;
    private final Clock clock;

    public ProviderService(ProviderPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Provider put(String providerId, ProviderInput input) {
        Provider provider = ProviderPolicy.validate(providerId, input, clock.instant());
        publisher.publish(provider);
        return provider;
    }
}
