package dev.accrue.ingest.catalog;

/** Accrediting bodies and associations that approve programs or providers; STATE_BOARD approvals name their state. */
public enum ApprovalBody {
    APA, NBCC, ASWB_ACE, IACET, STATE_BOARD, AAMFT, ACA, CALPCC, CAMFT, CPA, NASP, NASW
}
