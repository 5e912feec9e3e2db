package dev.accrue.ingest.attendance;

/**
 * A CSV row that was not imported, and why. The rest of the file is still imported.
 *
 * @param line the file line (1-based, header included) the row starts on
 */
public record RowProblem(int line, Kind kind, String detail) {

    public enum Kind {
        /** A cell could not be read: a missing value, a bad timestamp or number. */
        UNPARSEABLE,
        /** The row names nobody this service knows, or an email several licensees share. */
        UNMATCHED,
        /** The row was read but breaks a rule (event type for the session, score range, future time...). */
        INVALID
    }
}
