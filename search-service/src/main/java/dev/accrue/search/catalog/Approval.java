package dev.accrue.search.catalog;

/**
 * One accrediting body's approval of a session (body names are the Avro enum symbols, e.g. APA), with the state
 * of a state board or association chapter ({@code FL}), else null, and the provider's own tracking number there
 * when the body numbers providers apart from courses (CE Broker's 50-...), else null.
 */
public record Approval(String body, String jurisdiction, String approvalId, String providerNumber) {

    public Approval(String body, String jurisdiction, String approvalId) {
        this(body, jurisdiction, approvalId, null);
    }
}
