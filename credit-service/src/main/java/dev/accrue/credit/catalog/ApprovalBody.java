package dev.accrue.credit.catalog;

/** An accrediting body that approves CE programs; each has its own credit policy in the rule file. */
public enum ApprovalBody {
    APA, NBCC, ASWB_ACE, IACET, STATE_BOARD
}
