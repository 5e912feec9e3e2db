package dev.accrue.search.reporting;

/**
 * What one export tells the board about one line: a completion it has not been told of ({@code NEW}), one whose
 * hours, date or subjects changed since it was reported ({@code CORRECTION}, with both), or one reported before
 * that no longer stands ({@code REVOCATION}: the award was revised to 0 or the licence left the profile).
 */
public record RosterChange(Action action, RosterLine reported, RosterLine now) {

    public enum Action { NEW, CORRECTION, REVOCATION }

    static RosterChange added(RosterLine now) {
        return new RosterChange(Action.NEW, null, now);
    }

    static RosterChange corrected(RosterLine reported, RosterLine now) {
        return new RosterChange(Action.CORRECTION, reported, now);
    }

    static RosterChange revoked(RosterLine reported) {
        return new RosterChange(Action.REVOCATION, reported, null);
    }

    /** The line as the board should hold it after this change, or as it held it for a revocation. */
    public RosterLine line() {
        return now != null ? now : reported;
    }
}
