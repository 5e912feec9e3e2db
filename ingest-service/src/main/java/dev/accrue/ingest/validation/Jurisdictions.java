package dev.accrue.ingest.validation;

import java.util.Set;

/** The US states and territories an approval can name as its jurisdiction (its state board or chapter). */
public final class Jurisdictions {

    private static final Set<String> US = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP");

    /** A two-letter US state or territory code, or null when absent (a failed check is reported and gives null). */
    public static String optional(Checks checks, String field, String value) {
        if (value == null) {
            return null;
        }
        if (!US.contains(value)) {
            checks.fail(field, "must be a two-letter US state or territory code such as FL, OH or NY (got '"
                    + Checks.abbreviate(value) + "')");
            return null;
        }
        return value;
    }

    private Jurisdictions() {
    }
}
