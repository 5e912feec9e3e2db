package dev.accrue.credit;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.Approval;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders for test inputs: a 3-hour live session on 2025-03-10 09:00-12:00 UTC by default. */
public final class Fixtures {

    public static final Instant STARTS = Instant.parse("2025-03-10T09:00:00Z");
    public static final Instant ENDS = Instant.parse("2025-03-10T12:00:00Z");
    public static final String LICENSEE = "lic-1";
    public static final String SESSION = "sess-1";
    private static final AtomicInteger IDS = new AtomicInteger();

    public static Instant at(String hhmm) {
        return Instant.parse("2025-03-10T" + hhmm + ":00Z");
    }

    public static SessionDefinition live(double creditHours, ApprovalBody... bodies) {
        return live(creditHours, List.of(), bodies);
    }

    public static SessionDefinition live(double creditHours, List<TimeRange> breaks, ApprovalBody... bodies) {
        return new SessionDefinition(SESSION, "course-1", "acme", "Ethics in Telehealth", Format.LIVE_WEBINAR,
                STARTS, ENDS, "America/Los_Angeles", breaks, creditHours,
                List.of(new CategoryHours(Category.LAW_AND_ETHICS, 2), new CategoryHours(Category.TELEHEALTH, 1)),
                approvals(bodies), null, null, null, List.of());
    }

    /** The default live session moved to {@code startsAt} (still 3 hours) and held in {@code timeZone}. */
    public static SessionDefinition live(Instant startsAt, String timeZone, ApprovalBody... bodies) {
        SessionDefinition s = live(3, bodies);
        return new SessionDefinition(s.sessionId(), s.courseId(), s.providerId(), s.title(), s.format(), startsAt,
                startsAt.plusSeconds(3 * 3600), timeZone, s.breaks(), s.creditHours(), s.categories(), s.approvals(),
                null, null, null, List.of());
    }

    public static SessionDefinition selfStudy(double creditHours, Double passingScore, ApprovalBody... bodies) {
        return new SessionDefinition("self-1", "course-9", "acme", "Suicide Risk Assessment", Format.SELF_STUDY,
                null, null, null, List.of(), creditHours, List.of(new CategoryHours(Category.SUICIDE_PREVENTION, creditHours)),
                approvals(bodies), passingScore, null, null, List.of());
    }

    public static List<Approval> approvals(ApprovalBody... bodies) {
        return Arrays.stream(bodies).map(b -> new Approval(b, null, b.name() + "-123")).toList();
    }

    public static Attendance joined(String hhmm) {
        return joined(at(hhmm));
    }

    public static Attendance left(String hhmm) {
        return left(at(hhmm));
    }

    public static Attendance joined(Instant at) {
        return event(AttendanceType.JOINED, at, null, SESSION, null);
    }

    public static Attendance left(Instant at) {
        return event(AttendanceType.LEFT, at, null, SESSION, null);
    }

    /** A JOINED of one connection (one device's visit). */
    public static Attendance joined(String hhmm, String connectionId) {
        return event(AttendanceType.JOINED, at(hhmm), null, SESSION, connectionId);
    }

    /** A LEFT of one connection (one device's visit). */
    public static Attendance left(String hhmm, String connectionId) {
        return event(AttendanceType.LEFT, at(hhmm), null, SESSION, connectionId);
    }

    public static Attendance completed(String hhmm, double score) {
        return completed(at(hhmm), score);
    }

    public static Attendance completed(Instant at, double score) {
        return event(AttendanceType.SELF_STUDY_COMPLETED, at, score, "self-1", null);
    }

    private static Attendance event(AttendanceType type, Instant at, Double score, String session, String connectionId) {
        return new Attendance("evt-" + IDS.incrementAndGet(), session, LICENSEE, type, at, score, connectionId);
    }

    public static Licensee licensee(License... licenses) {
        return new Licensee(LICENSEE, "Ada", "Lovelace", "ada@example.org", List.of(licenses));
    }

    public static License license(String board, String type, String cycleStart, String cycleEnd, boolean first) {
        return new License(board, type, "N-" + board, LocalDate.parse(cycleStart), LocalDate.parse(cycleEnd), first,
                false, Set.of());
    }

    /** A granted award for compliance tests: {@code hours} from {@code body} for a session completed on {@code day}. */
    public static Award award(String sessionId, String courseId, ApprovalBody body, double hours, Format format,
                              String day, CategoryHours... categories) {
        return AwardBuilder.award().session(sessionId).course(courseId).body(body).hours(hours).format(format)
                .categories(List.of(categories)).at(Instant.parse(day + "T12:00:00Z")).build();
    }

    /** The same, approved by {@code approval} as rule files write it ({@code APA}, {@code STATE_BOARD/FL}). */
    public static Award award(String sessionId, String courseId, String approval, double hours, Format format,
                              String day, CategoryHours... categories) {
        ApprovalKey key = ApprovalKey.parse(approval);
        return AwardBuilder.from(award(sessionId, courseId, key.body(), hours, format, day, categories))
                .awardId(null).jurisdiction(key.jurisdiction()).build();
    }

    private Fixtures() {
    }
}
