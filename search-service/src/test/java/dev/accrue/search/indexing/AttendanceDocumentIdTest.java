package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.catalog.CatalogSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceDocumentIdTest {

    @Test
    void twoProvidersSessionsWithTheSameEventIdAreTwoDocuments() {
        DocumentWrite acme = AttendanceDocument.pending(attendance("evt-1", "acme-S1")).write();
        DocumentWrite northwind = AttendanceDocument.pending(attendance("evt-1", "northwind-S1")).write();

        assertThat(acme.documentKey()).isNotEqualTo(northwind.documentKey());
    }

    @Test
    void aPendingDocumentAndItsCompletedFormShareTheId() {
        Attendance a = attendance("evt-1", "acme-S1");

        assertThat(AttendanceDocument.pending(a).write().documentKey())
                .isEqualTo(AttendanceDocument.pending(a).resolvedWith(
                        CatalogSession.of("acme-S1", "C1", "acme", "T", "D", "LIVE_WEBINAR", 1, List.of(), List.of(),
                                null, null, null, Instant.EPOCH)).write().documentKey());
    }

    private static Attendance attendance(String eventId, String sessionId) {
        Instant at = Instant.parse("2025-01-06T15:00:00Z");
        return new Attendance(eventId, sessionId, "lic-1", "JOINED", at, null, "API", at, null);
    }
}
