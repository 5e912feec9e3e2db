package dev.accrue.ingest.licensee;

import dev.accrue.ingest.catalog.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

    /**
     * One licence and its current renewal cycle (both dates inclusive); whether the licensee supervises under it, and
     * the one-time requirements they attest were met before licensure.
     */
    public record License(String board, String licenseType, String licenseNumber, LocalDate cycleStart,
                          LocalDate cycleEnd, boolean firstRenewal, boolean supervisor, Set<Category> attestedCategories) {

        public License {
            attestedCategories = Set.copyOf(attestedCategories);
        }
    }
}
