package dev.accrue.ingest.licensee;

import dev.accrue.ingest.common.Position;
import java.time.Clock;

/**
 * Creates or replaces a licensee. Licensees form one directory shared by all providers (a person
 * attends courses of many providers), so any PROVIDER or ADMIN key may write them; the directory
 * is updated as soon as the broker acknowledges the write.
 */
public final class LicenseeService {

    private final LicenseeDirectory directory;
    private final LicenseePublisher publisher;
    private final Clock clock;

    public LicenseeService(LicenseeDirectory directory, LicenseePublisher publisher, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Licensee put(String licenseeId, LicenseeInput input) {
        Licensee licensee = LicenseePolicy.validate(licenseeId, input, clock.instant());
        Position position = publisher.publish(licensee);
        directory.view().apply(licenseeId, licensee.email(), position);
        return licensee;
    }
}
