package dev.accrue.search.indexing;

import java.util.List;

/**
 * The Elasticsearch indices the service writes and reads. The names are part of the contract with
 * Kibana's saved objects, so they are fixed rather than configured.
 */
public final class Indices {

    public static final String SESSIONS = "accrue-sessions";
    public static final String ATTENDANCE = "accrue-attendance";
    public static final String PARTICIPATIONS = "accrue-participations";
    public static final String ENROLMENTS = "accrue-enrolments";
    public static final String AWARDS = "accrue-awards";
    public static final String CERTIFICATES = "accrue-certificates";
    public static final String COMPLIANCE = "accrue-compliance";

    public static final List<String> ALL = List.of(SESSIONS, ATTENDANCE, PARTICIPATIONS, ENROLMENTS, AWARDS, CERTIFICATES, COMPLIANCE);

    /** Roster exports to boards: written by requests, not by the indexer, and not an event index. */
    public static final String ROSTER_EXPORTS = "accrue-roster-exports";

    private Indices() {
    }
}
