package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import java.time.Instant;
import java.util.List;

/**
 * Credit one approval (body and jurisdiction) grants one licensee for one session. A later revision replaces an
 * earlier one; hours of 0 mean the award was revoked. {@code ceu} is set for bodies that report CEU (IACET).
 */
public record Award(
        String awardId,
        int revision,
        String licenseeId,
        String sessionId,
        String courseId,
        String providerId,
        String title,
        Format format,
        ApprovalBody body,
        String jurisdiction,
        String approvalId,
        double hours,
        Double ceu,
        List<CategoryHours> categories,
        int attendedMinutes,
        int scheduledMinutes,
        Instant completedAt,
        Instant awardedAt,
        String ruleVersion) {

    public Award {
        categories = List.copyOf(categories);
    }

    public ApprovalKey approval() {
        return new ApprovalKey(body, jurisdiction);
    }

    public boolean granted() {
        return hours > 0;
    }
}
