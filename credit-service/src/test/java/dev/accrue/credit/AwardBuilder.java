package dev.accrue.credit;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.AwardId;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import java.time.Instant;
import java.util.List;

/**
 * Builds an {@link Award} (18 components) for tests: a granted 1-hour APA award of lic-1 for a live session,
 * with only what a test is about set by name. The id follows (licensee, session, approval) unless set.
 */
public final class AwardBuilder {

    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");

    private String awardId;
    private int revision = 1;
    private String licenseeId = Fixtures.LICENSEE;
    private String sessionId = Fixtures.SESSION;
    private String courseId = "course-1";
    private String providerId = "acme";
    private String title = "Course";
    private Format format = Format.LIVE_WEBINAR;
    private ApprovalBody body = ApprovalBody.APA;
    private String jurisdiction;
    private String approvalId = "A-1";
    private double hours = 1;
    private Double ceu;
    private List<CategoryHours> categories = List.of();
    private int attendedMinutes = 60;
    private int scheduledMinutes = 60;
    private Instant completedAt = NOON;
    private Instant awardedAt = NOON;
    private String ruleVersion = "test";

    public static AwardBuilder award() {
        return new AwardBuilder();
    }

    /** Starts from an existing award, id included. */
    public static AwardBuilder from(Award a) {
        return award().awardId(a.awardId()).revision(a.revision()).licensee(a.licenseeId()).session(a.sessionId())
                .course(a.courseId()).provider(a.providerId()).title(a.title()).format(a.format()).body(a.body())
                .jurisdiction(a.jurisdiction())                .approvalId(a.approvalId()).hours(a.hours()).ceu(a.ceu()).categories(a.categories())
                .minutes(a.attendedMinutes(), a.scheduledMinutes()).completedAt(a.completedAt()).awardedAt(a.awardedAt())
                .ruleVersion(a.ruleVersion());
    }

    public AwardBuilder awardId(String value) { awardId = value; return this; }
    public AwardBuilder revision(int value) { revision = value; return this; }
    public AwardBuilder licensee(String value) { licenseeId = value; return this; }
    public AwardBuilder session(String value) { sessionId = value; return this; }
    public AwardBuilder course(String value) { courseId = value; return this; }
    public AwardBuilder provider(String value) { providerId = value; return this; }
    public AwardBuilder title(String value) { title = value; return this; }
    public AwardBuilder format(Format value) { format = value; return this; }
    public AwardBuilder body(ApprovalBody value) { body = value; return this; }
    public AwardBuilder jurisdiction(String value) { jurisdiction = value; return this; }
    public AwardBuilder approvalId(String value) { approvalId = value; return this; }
    public AwardBuilder hours(double value) { hours = value; return this; }
    public AwardBuilder ceu(Double value) { ceu = value; return this; }
    public AwardBuilder categories(List<CategoryHours> value) { categories = value; return this; }
    public AwardBuilder minutes(int attended, int scheduled) { attendedMinutes = attended; scheduledMinutes = scheduled; return this; }
    public AwardBuilder completedAt(Instant value) { completedAt = value; return this; }
    /** Completed and awarded at the same instant. */
    public AwardBuilder at(Instant value) { completedAt = value; awardedAt = value; return this; }
    public AwardBuilder awardedAt(Instant value) { awardedAt = value; return this; }
    public AwardBuilder ruleVersion(String value) { ruleVersion = value; return this; }

    public Award build() {
        return new Award(awardId != null ? awardId : AwardId.of(licenseeId, sessionId, new ApprovalKey(body, jurisdiction)), revision, licenseeId,
                sessionId, courseId, providerId, title, format, body, jurisdiction, approvalId, hours, ceu, categories, attendedMinutes,
                scheduledMinutes, completedAt, awardedAt, ruleVersion);
    }
}
