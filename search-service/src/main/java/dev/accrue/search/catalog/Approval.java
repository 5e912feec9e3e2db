package dev.accrue.search.catalog;

/**
 * One accrediting body's approval of a session (body names are the Avro enum symbols, e.g. APA), with the state
 * of a state board or association chapter ({@code FL}), else null.
 */
public record Approval(String body, String jurisdiction, String approvalId) {
}
