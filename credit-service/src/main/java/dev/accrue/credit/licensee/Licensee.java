package dev.accrue.credit.licensee;

import java.util.List;

/** A licensed professional, as printed on certificates, with the licences compliance is worked out for. */
public record Licensee(String licenseeId, String givenName, String familyName, String email, List<License> licenses) {

    public Licensee {
        licenses = List.copyOf(licenses);
    }

    public String displayName() {
        return (givenName + " " + familyName).trim();
    }

    /** Licence numbers as {@code board:number}, the form certificates print. */
    public List<String> licenseNumbers() {
        return licenses.stream().map(l -> l.board() + ":" + l.licenseNumber()).toList();
    }
}
