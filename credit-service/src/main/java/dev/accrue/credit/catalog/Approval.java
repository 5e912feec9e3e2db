package dev.accrue.credit.catalog;

/** One body's approval of a session, with the number printed on certificates. */
public record Approval(ApprovalBody body, String approvalId) {
}
