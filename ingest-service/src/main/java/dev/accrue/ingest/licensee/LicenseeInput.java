package dev.accrue.ingest.licensee;

import java.util.List;

/** A licensee as a client sent it, before any rule is checked. */
public record LicenseeInput(String givenName, String familyName, String email, List<LicenseInput> licenses) {

    public record LicenseInput(String board, String licenseType, String licenseNumber, String cycleStart,
                               String cycleEnd, Boolean firstRenewal) {
    }
}
