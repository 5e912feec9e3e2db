package dev.accrue.search.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared filters compliance cannot apply: a renewal status belongs to a licence at a board, not to a
 * provider, course category, format or accrediting body. Naming one is a 400 rather than an answer that
 * silently ignores it.
 */
record ComplianceParams(String providerId, String category, String format, String body) {

    void refuseAny() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("providerId", providerId);
        given.put("category", category);
        given.put("format", format);
        given.put("body", body);
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                throw new IllegalArgumentException(name + " does not apply to compliance, which is per licence and board;"
                        + " filter it by board and by from/to (cycle end)");
            }
        });
    }
}
