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

    /**
     * The licences at boards of one state: board codes begin with the state (FL-491), as ingest checks. Empty for
     * a null state (a national body's approval).
     */
    public List<License> licensesIn(String state) {
        return state == null ? List.of() : licenses.stream().filter(l -> l.board().startsWith(state + "-")).toList();
    }

    /** Licence numbers as {@code board:number}, the form certificates print. */
    public List<String> licenseNumbers() {
        return licenses.stream().map(l -> l.board() + ":" + l.licenseNumber()).toList();
    }
}
