package dev.accrue.credit.catalog.kafka;

import dev.accrue.credit.catalog.Approval;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.AttendancePolicy;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import dev.accrue.credit.streams.AvroEnums;
import dev.accrue.events.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Maps catalog records between Avro and the domain. Values a newer schema added (UNKNOWN) are
 * dropped from approvals and categories, since no rule can credit them; an UNKNOWN format is
 * read from the times (no times means self-study).
 */
public final class CatalogMapper {

    public static SessionDefinition toDomain(Session session) {
        Instant starts = session.getStartsAt();
        Instant ends = session.getEndsAt();
        Format format = AvroEnums.toDomain(session.getFormat(), Format.class)
                .orElse(starts == null ? Format.SELF_STUDY : Format.LIVE_WEBINAR);
        return new SessionDefinition(session.getSessionId(), session.getCourseId(), session.getProviderId(),
                session.getTitle(), format, starts, ends, session.getTimeZone(),
                session.getBreaks().stream().map(b -> new TimeRange(b.getStartsAt(), b.getEndsAt())).toList(),
                session.getCreditHours(), categoriesToDomain(session.getCategories()),
                session.getApprovals().stream()
                        .flatMap(a -> AvroEnums.toDomain(a.getBody(), ApprovalBody.class)
                                .map(body -> new Approval(body, a.getJurisdiction(), a.getApprovalId())).stream())
                        .toList(),
                session.getPassingScore(), attendancePolicyToDomain(session.getAttendancePolicy()),
                session.getLocation(), session.getInstructors());
    }

    public static Session toAvro(SessionDefinition session, Instant updatedAt) {
        return Session.newBuilder()
                .setSessionId(session.sessionId()).setCourseId(session.courseId()).setProviderId(session.providerId())
                .setTitle(session.title()).setFormat(formatToAvro(session.format()))
                .setStartsAt(session.startsAt()).setEndsAt(session.endsAt()).setTimeZone(session.timeZone())
                .setBreaks(session.breaks().stream()
                        .map(b -> new dev.accrue.events.TimeRange(b.start(), b.end())).toList())
                .setCreditHours(session.creditHours())
                .setCategories(categoriesToAvro(session.categories()))
                .setApprovals(session.approvals().stream()
                        .map(a -> new dev.accrue.events.Approval(
                                AvroEnums.toAvro(a.body(), dev.accrue.events.ApprovalBody.class), a.approvalId(),
                                a.jurisdiction(), null)) // the provider's tracking number is for roster exports, not credit
                        .toList())
                .setPassingScore(session.passingScore())
                .setAttendancePolicy(session.attendancePolicy() == null ? null
                        : new dev.accrue.events.AttendancePolicy(session.attendancePolicy().toleranceMinutes(),
                                session.attendancePolicy().minimumAttendedPercent()))
                .setLocation(session.location())
                .setInstructors(session.instructors())
                .setUpdatedAt(updatedAt)
                .build();
    }

    private static AttendancePolicy attendancePolicyToDomain(dev.accrue.events.AttendancePolicy policy) {
        return policy == null ? null : new AttendancePolicy(policy.getToleranceMinutes(), policy.getMinimumAttendedPercent());
    }

    public static List<CategoryHours> categoriesToDomain(List<dev.accrue.events.CategoryHours> categories) {
        return categories.stream()
                .flatMap(c -> AvroEnums.toDomain(c.getCategory(), Category.class)
                        .map(category -> new CategoryHours(category, c.getHours())).stream())
                .toList();
    }

    public static List<dev.accrue.events.CategoryHours> categoriesToAvro(List<CategoryHours> categories) {
        return categories.stream()
                .map(c -> new dev.accrue.events.CategoryHours(
                        AvroEnums.toAvro(c.category(), dev.accrue.events.Category.class), c.hours()))
                .toList();
    }

    public static dev.accrue.events.Format formatToAvro(Format format) {
        return AvroEnums.toAvro(format, dev.accrue.events.Format.class);
    }

    public static Format formatToDomain(dev.accrue.events.Format format) {
        return AvroEnums.toDomain(format, Format.class).orElse(Format.LIVE_WEBINAR);
    }

    public static Optional<ApprovalBody> bodyToDomain(dev.accrue.events.ApprovalBody body) {
        return AvroEnums.toDomain(body, ApprovalBody.class);
    }

    public static dev.accrue.events.ApprovalBody bodyToAvro(ApprovalBody body) {
        return AvroEnums.toAvro(body, dev.accrue.events.ApprovalBody.class);
    }

    private CatalogMapper() {
    }
}
