package dev.accrue.credit.compliance;

/** Where a licence stands against its board's renewal rules. */
public enum ComplianceState {
    /** Hours and every category minimum are met. */
    COMPLETE,
    /** Something is missing and at least 90 days of the cycle are left. */
    ON_TRACK,
    /** Something is missing and fewer than 90 days are left. */
    AT_RISK,
    /** The cycle has ended with something missing. */
    OVERDUE,
    /** The board requires no CE this cycle (first-renewal exemption). */
    EXEMPT
}
