package dev.accrue.search.catalog;

/** One accrediting body's approval of a session (body names are the Avro enum symbols, e.g. APA). */
public record Approval(String body, String approvalId) {
}
