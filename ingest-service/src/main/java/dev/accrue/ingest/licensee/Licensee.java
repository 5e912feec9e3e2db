package dev.accrue.ingest.licensee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A validated licensed professional, as published to the licensees topic. */
public record Licensee(String licenseeId, String givenName, String familyName, String email, List<License> licenses,
                       Instant updatedAt) {

    public Licensee {
        licenses = List.copyOf(licenses);
    }

    /** One licence and its current renewal cycle (both dates inclusive). */
    public record License(String board, String licenseType, String licenseNumber, LocalDate cycleStart,
                          LocalDate cycleEnd, boolean firstRenewal) {
    }
}
