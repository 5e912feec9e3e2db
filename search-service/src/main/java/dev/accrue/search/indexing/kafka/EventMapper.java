package dev.accrue.search.indexing.kafka;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.CertifiedAward;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Session;
import dev.accrue.search.catalog.Approval;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.catalog.CategoryHours;
import dev.accrue.search.catalog.CategoryNames;
import dev.accrue.search.indexing.Attendance;
import dev.accrue.search.indexing.AwardDocument;
import dev.accrue.search.indexing.CertificateDocument;
import dev.accrue.search.indexing.ComplianceDocument;
import dev.accrue.search.indexing.DocumentIds;
import java.util.List;

/**
 * The one place where the generated Avro events become the indexing domain's records. Enum symbols
 * become their names; nothing else is interpreted here.
 */
final class EventMapper {

    static CatalogSession session(Session s) {
        return CatalogSession.of(s.getSessionId(), s.getCourseId(), s.getProviderId(), s.getTitle(), s.getDescription(),
                s.getFormat().name(), s.getCreditHours(), categoryHours(s.getCategories()),
                s.getApprovals().stream().map(a -> new Approval(a.getBody().name(), a.getJurisdiction(), a.getApprovalId(),
                        a.getProviderNumber())).toList(),
                s.getStartsAt(), s.getEndsAt(), s.getTimeZone(), s.getUpdatedAt());
    }

    static Attendance attendance(AttendanceEvent e) {
        return new Attendance(e.getEventId(), e.getSessionId(), e.getLicenseeId(), e.getType().name(), e.getOccurredAt(),
                e.getScore(), e.getSource().name(), e.getReceivedAt(), e.getConnectionId());
    }

    static AwardDocument award(CreditAward a) {
        List<CategoryHours> categories = categoryHours(a.getCategories());
        return new AwardDocument(a.getAwardId(), a.getRevision(), a.getLicenseeId(),
                DocumentIds.of(a.getLicenseeId(), a.getSessionId()), a.getSessionId(),
                a.getCourseId(), AwardDocument.courseKey(a.getProviderId(), a.getCourseId()), a.getProviderId(),
                a.getTitle(), a.getFormat().name(), a.getBody().name(), a.getJurisdiction(), a.getApprovalId(), a.getHours(),
                a.getHours() > 0,
                a.getCeu(), categories, CategoryNames.of(categories),
                AwardDocument.hoursByCategory(categories), a.getAttendedMinutes(), a.getScheduledMinutes(),
                a.getCompletedAt(), a.getAwardedAt(), a.getRuleVersion(), a.getLicenses().stream()
                        .map(l -> new AwardDocument.ReportedLicense(l.getBoard(), l.getLicenseType(), l.getLicenseNumber()))
                        .toList());
    }

    static CertificateDocument certificate(CertificateIssued c) {
        List<CertifiedAward> awards = c.getAwards();
        List<CategoryHours> categories = awards.stream().flatMap(a -> categoryHours(a.getCategories()).stream()).toList();
        return new CertificateDocument(c.getCertificateId(), c.getRevision(), c.getLicenseeId(), c.getSessionId(),
                c.getCourseId(), AwardDocument.courseKey(c.getProviderId(), c.getCourseId()), c.getProviderId(),
                c.getTitle(), c.getFormat().name(), awards.stream().map(a -> a.getBody().name()).distinct().toList(),
                CategoryNames.of(categories),
                CertificateDocument.learnedHours(awards.stream().map(CertifiedAward::getHours).toList()),
                awards.isEmpty(), c.getActivityStart(), c.getActivityEnd(), c.getIssuedAt());
    }

    static ComplianceDocument compliance(ComplianceStatus s) {
        return new ComplianceDocument(s.getLicenseeId(), s.getBoard(), s.getLicenseType(), s.getCycleStart(),
                s.getCycleEnd(), s.getRequiredHours(), s.getEarnedHours(), s.getCountedHours(), s.getRemainingHours(),
                s.getStatus().name(), s.getRuleVersion(), s.getEvaluatedAt());
    }

    private static List<CategoryHours> categoryHours(List<dev.accrue.events.CategoryHours> hours) {
        return hours.stream().map(h -> new CategoryHours(h.getCategory().name(), h.getHours())).toList();
    }

    private EventMapper() {
    }
}
