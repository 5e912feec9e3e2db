package dev.accrue.credit.catalog;

/**
 * One body's approval of a session, with the number printed on certificates. {@code jurisdiction} is the
 * US state of a state board or association chapter (STATE_BOARD/FL, NASW/OH), null for a national body.
 */
public record Approval(ApprovalBody body, String jurisdiction, String approvalId) {

    public ApprovalKey key() {
        return new ApprovalKey(body, jurisdiction);
    }
}
