package dev.accrue.ingest.licensee;

import java.util.List;

/**
 * A licensee as a client sent it, before any rule is checked.
 *
 * @param owner the provider the client asks to own the licensee; null to keep the owner as it is
 */
public record LicenseeInput(String givenName, String familyName, String email, List<LicenseInput> licenses,
                            String owner) {

    public LicenseeInput(String givenName, String familyName, String email, List<LicenseInput> licenses) {
        this(givenName, familyName, email, licenses, null);
    }

    public record LicenseInput(String board, String licenseType, String licenseNumber, String cycleStart,
                               String cycleEnd, Boolean firstRenewal, Boolean supervisor, List<String> attestedCategories) {

        public LicenseInput(String board, String licenseType, String licenseNumber, String cycleStart, String cycleEnd,
                            Boolean firstRenewal) {
            this(board, licenseType, licenseNumber, cycleStart, cycleEnd, firstRenewal, null, null);
        }
    }
}
