package dev.accrue.credit.catalog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A course offering as the credit rules see it. A live session has {@code startsAt} and
 * {@code endsAt}; a self-study session has neither and is credited on a passing post-test.
 * {@code passingScore} is null when the rule file default applies; {@code attendancePolicy} is null when
 * the provider set no stricter rule of its own. {@code location} and {@code instructors} are printed on
 * certificates.
 */
public record SessionDefinition(
        String sessionId,
        String courseId,
        String providerId,
        String title,
        Format format,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        List<TimeRange> breaks,
        double creditHours,
        List<CategoryHours> categories,
        List<Approval> approvals,
        Double passingScore,
        AttendancePolicy attendancePolicy,
        String location,
        List<String> instructors) {

    public SessionDefinition {
        breaks = List.copyOf(breaks);
        categories = List.copyOf(categories);
        approvals = List.copyOf(approvals);
        instructors = List.copyOf(instructors);
    }

    public boolean isSelfStudy() {
        return format == Format.SELF_STUDY || startsAt == null || endsAt == null;
    }

    /**
     * The session's local time zone, UTC when there is no usable one. Self-study has none (ingest forbids it).
     * Ingest checks live zones against its own tz database, so an id can still be unknown to an older one here;
     * the session then counts on UTC days rather than failing inside the stream task or a request.
     */
    public ZoneId zone() {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

}
