package dev.accrue.ingest.catalog;

/** Accrediting bodies that approve programs or providers. */
public enum ApprovalBody {
    APA, NBCC, ASWB_ACE, IACET, STATE_BOARD
}
