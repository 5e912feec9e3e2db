package dev.accrue.search.analytics.elastic;

import dev.accrue.search.indexing.Indices;

/**
 * Which index answers a question, which date field places a document in time, and which fields the
 * shared filters apply to there (null: the filter does not exist on that index and is ignored).
 */
enum EventSource {
    ATTENDANCE(Indices.ATTENDANCE, "occurredAt", "providerId", "categories", "format", "bodies", null),
    PARTICIPATIONS(Indices.PARTICIPATIONS, "occurredAt", "providerId", "categories", "format", "bodies", null),
    ENROLMENTS(Indices.ENROLMENTS, "occurredAt", "providerId", "categories", "format", "bodies", null),
    AWARDS(Indices.AWARDS, "completedAt", "providerId", "categories", "format", "body", null),
    CERTIFICATES(Indices.CERTIFICATES, "issuedAt", "providerId", "categories", "format", "bodies", null),
    COMPLIANCE(Indices.COMPLIANCE, "cycleEnd", null, null, null, null, "board");

    final String index;
    final String timeField;
    final String providerField;
    final String categoryField;
    final String formatField;
    final String bodyField;
    final String boardField;

    EventSource(String index, String timeField, String providerField, String categoryField, String formatField,
                String bodyField, String boardField) {
        this.index = index;
        this.timeField = timeField;
        this.providerField = providerField;
        this.categoryField = categoryField;
        this.formatField = formatField;
        this.bodyField = bodyField;
        this.boardField = boardField;
    }
}
