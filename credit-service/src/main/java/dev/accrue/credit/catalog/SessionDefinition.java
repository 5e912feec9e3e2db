package dev.accrue.credit.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A course offering as the credit rules see it. A live session has {@code startsAt} and
 * {@code endsAt}; a self-study session has neither and is credited on a passing post-test.
 * {@code passingScore} is null when the rule file default applies.
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
        Double passingScore) {

    public SessionDefinition {
        breaks = List.copyOf(breaks);
        categories = List.copyOf(categories);
        approvals = List.copyOf(approvals);
    }

    public boolean isSelfStudy() {
        return format == Format.SELF_STUDY || startsAt == null || endsAt == null;
    }

    public Optional<Approval> approvalBy(ApprovalBody body) {
        return approvals.stream().filter(a -> a.body() == body).findFirst();
    }
}
