package dev.accrue.ingest.licensee;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.view.Position;
import dev.accrue.ingest.view.StripedLocks;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates or replaces a licensee. A profile is private to the provider that registered it: only
 * that provider or an ADMIN key may replace it ({@link LicenseeOwnership}), and only that
 * provider's sessions may name it ({@link LicenseeTenancy}). Ids are one namespace for all
 * providers. The directory is updated as soon as the broker acknowledges the write.
 */
public final class LicenseeService {

    private final LicenseeDirectory directory;
    private final LicenseePublisher publisher;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public LicenseeService(LicenseeDirectory directory, LicenseePublisher publisher, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Licensee put(String licenseeId, LicenseeInput input, Access access) {
        Licensee validated = LicenseePolicy.validate(licenseeId, input, clock.instant());
        // Reading the owner, publishing and applying the result hold the licensee's lock, so two writes of one licensee
        // through this instance cannot both see the old owner. Two instances can still race within the time a write
        // takes to reach the other one (ingest-service/README.md, "How the owner is checked").
        return locks.withLock(licenseeId, () -> {
            // The owner is read only after the directory has caught up with the topic (a 503 when it cannot).
            Optional<LicenseeDirectory.Entry> current = directory.view().findCurrent(licenseeId);
            Licensee licensee = validated.ownedBy(LicenseeOwnership.ownerAfterWrite(licenseeId, current.isPresent(),
                    current.map(LicenseeDirectory.Entry::owner).orElse(null), validated.owner(), access));
            Position position = publisher.publish(licensee);
            directory.view().apply(licenseeId, new LicenseeDirectory.Entry(licensee.email(), licensee.owner()), position);
            return licensee;
        });
    }
}
