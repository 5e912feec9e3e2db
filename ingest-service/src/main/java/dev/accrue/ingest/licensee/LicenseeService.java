package dev.accrue.ingest.licensee;

import dev.accrue.ingest.common.Access;
import dev.accrue.ingest.common.Position;
import java.time.Clock;

/**
 * Creates or replaces a licensee. Licensees form one directory shared by all providers (a person
 * attends courses of many providers, and attendance may name any licensee), but a profile may be
 * replaced only by the provider that registered it or an ADMIN key ({@link LicenseeOwnership}).
 * The directory is updated as soon as the broker acknowledges the write.
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

    public Licensee put(String licenseeId, LicenseeInput input, Access access) {
        Licensee validated = LicenseePolicy.validate(licenseeId, input, clock.instant());
        // A fresh lookup, so a profile another instance has just registered cannot be taken over.
        String currentOwner = directory.view().findFresh(licenseeId).map(LicenseeDirectory.Entry::owner).orElse(null);
        Licensee licensee = validated.ownedBy(LicenseeOwnership.ownerAfterWrite(licenseeId, currentOwner, access));
        Position position = publisher.publish(licensee);
        directory.view().apply(licenseeId, new LicenseeDirectory.Entry(licensee.email(), licensee.owner()), position);
        return licensee;
    }
}
