package dev.accrue.credit.catalog;

/**
 * An accrediting body or association that approves CE programs or providers; each has its own credit
 * policy in the rule file, and each board says which it accepts. STATE_BOARD approvals name their state.
 */
public enum ApprovalBody {
    APA, NBCC, ASWB_ACE, IACET, STATE_BOARD, AAMFT, ACA, CALPCC, CAMFT, CPA, NASP, NASW
}
