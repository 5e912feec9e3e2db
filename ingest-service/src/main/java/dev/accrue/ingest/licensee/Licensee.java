package dev.accrue.ingest.licensee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated licensed professional, as published to the licensees topic.
 *
 * @param owner the provider that registered the licensee and alone may replace it (besides an ADMIN
 *              key); null while no provider has written it (see {@link LicenseeOwnership}). As
 *              {@link LicenseePolicy#validate} returns it, the owner the request asked for, if any.
 */
public record Licensee(String licenseeId, String givenName, String familyName, String email, List<License> licenses,
                       Instant updatedAt, String owner) {

    public Licensee {
        licenses = List.copyOf(licenses);
    }

    public Licensee ownedBy(String provider) {
        return new Licensee(licenseeId, givenName, familyName, email, licenses, updatedAt, provider);
    }

    /** One licence and its current renewal cycle (both dates inclusive). */
    public record License(String board, String licenseType, String licenseNumber, LocalDate cycleStart,
                          LocalDate cycleEnd, boolean firstRenewal) {
    }
}
