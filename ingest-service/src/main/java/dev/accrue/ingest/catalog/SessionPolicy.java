package dev.accrue.ingest.catalog;

import dev.accrue.ingest.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a session must meet before it is published. {@link #validate} lists them, and reports every
 * rule a session breaks in one answer.
 */
public final class SessionPolicy {

    static final Duration LONGEST_SESSION = Duration.ofDays(14);
    /** The longest instruction without a break: a long day's workshop, never a night. */
    static final Duration LONGEST_STRETCH = Duration.ofHours(12);
    static final double MAX_CREDIT_HOURS = 200;
    static final int MAX_TOLERANCE_MINUTES = 240;
    /** Sums of doubles such as 0.1 + 0.2 must not fail a "no more than" check by rounding. */
    private static final double EPSILON = 1e-9;

    /**
     * The session as it will be published, or an {@code InvalidInputException} listing every rule it breaks:
     * <ul>
     *   <li>ids follow the id syntax; title and description are bounded text;</li>
     *   <li>live formats (IN_PERSON, LIVE_WEBINAR) have startsAt and endsAt with offsets, endsAt after
     *       startsAt, at most 14 days apart, and an IANA time zone; breaks lie inside the schedule and do
     *       not overlap, and no stretch of instruction is longer than 12 hours (a multi-day session's nights
     *       are breaks); self-study has none of these;</li>
     *   <li>creditHours is above 0, at most 200, in hundredths, and for live sessions no more than the
     *       scheduled instruction time (1 CE hour = 60 minutes, breaks excluded);</li>
     *   <li>each category appears once with hours above 0, and category hours sum to no more than creditHours;</li>
     *   <li>approvals name a known body, a US state for a state board or chapter, and an approval id (and optionally
     *       the provider's own number there, for roster exports), at most one per body and jurisdiction (each becomes
     *       its own award);</li>
     *   <li>location (300 characters) and up to 10 instructors (200 each) are bounded text;</li>
     *   <li>passingScore is a percentage and only for self-study; an attendancePolicy (the provider's stricter
     *       rule) only for live sessions, with a tolerance of 0 to 240 minutes and a minimum of 1 to 100 percent.</li>
     * </ul>
     */
    public static Session validate(String sessionId, SessionInput in, Instant now) {
        Checks checks = new Checks();
        String id = checks.id("sessionId", sessionId);
        String courseId = checks.id("courseId", in.courseId());
        String providerId = checks.id("providerId", in.providerId());
        String title = checks.text("title", in.title(), 300);
        String description = checks.optionalLongText("description", in.description(), 10_000);
        Format format = checks.oneOf("format", in.format(), Format.class);
        Double creditHours = creditHours(checks, in.creditHours());

        Instant startsAt = null;
        Instant endsAt = null;
        String timeZone = null;
        List<Session.TimeRange> breaks = List.of();
        Session.AttendancePolicy attendancePolicy = null;
        if (format != null && format.isLive()) {
            startsAt = checks.instant("startsAt", in.startsAt());
            endsAt = checks.instant("endsAt", in.endsAt());
            ZoneId zone = checks.zone("timeZone", in.timeZone());
            timeZone = zone == null ? null : zone.getId();
            checks.mustBeAbsent("passingScore", in.passingScore(), "for live formats; it applies to SELF_STUDY");
            attendancePolicy = attendancePolicy(checks, in.attendancePolicy());
            if (startsAt != null && endsAt != null && scheduleIsValid(checks, startsAt, endsAt)) {
                breaks = breaks(checks, in.breaks(), startsAt, endsAt);
                if (!checks.hasErrors()) {
                    requireNightsAsBreaks(checks, startsAt, endsAt, breaks);
                }
                if (creditHours != null && !checks.hasErrors()) {
                    requireInstructionTime(checks, creditHours, startsAt, endsAt, breaks);
                }
            }
        } else if (format == Format.SELF_STUDY) {
            String reason = "for SELF_STUDY; it has no schedule";
            checks.mustBeAbsent("startsAt", in.startsAt(), reason);
            checks.mustBeAbsent("endsAt", in.endsAt(), reason);
            checks.mustBeAbsent("timeZone", in.timeZone(), reason);
            checks.mustBeAbsent("attendancePolicy", in.attendancePolicy(), reason);
            if (in.breaks() != null && !in.breaks().isEmpty()) {
                checks.fail("breaks", "must not be given " + reason);
            }
        }
        Double passingScore = format == Format.SELF_STUDY ? checks.percent("passingScore", in.passingScore()) : null;
        List<Session.CategoryHours> categories = categories(checks, in.categories(), creditHours);
        List<Session.Approval> approvals = approvals(checks, in.approvals());
        String location = in.location() == null ? null : checks.text("location", in.location(), 300);
        List<String> instructors = new ArrayList<>();
        List<String> rawInstructors = checks.list("instructors", in.instructors(), 10);
        for (int i = 0; i < rawInstructors.size(); i++) {
            if (rawInstructors.get(i) != null) {
                instructors.add(checks.text("instructors[" + i + "]", rawInstructors.get(i), 200));
            }
        }
        checks.throwIfAny();
        return new Session(id, courseId, providerId, title, description, format, startsAt, endsAt, timeZone, breaks,
                creditHours, categories, approvals, passingScore, now, attendancePolicy, location, instructors);
    }

    private static Double creditHours(Checks checks, Double value) {
        Double hours = checks.positive("creditHours", value, MAX_CREDIT_HOURS);
        if (hours != null && Math.abs(hours * 100 - Math.rint(hours * 100)) > 1e-6) {
            checks.fail("creditHours", "must be given in hundredths of an hour at most (got " + hours + ")");
            return null;
        }
        return hours;
    }

    private static boolean scheduleIsValid(Checks checks, Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            checks.fail("endsAt", "must be after startsAt");
            return false;
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_SESSION) > 0) {
            checks.fail("endsAt", "must be at most 14 days after startsAt");
            return false;
        }
        return true;
    }

    private static List<Session.TimeRange> breaks(Checks checks, List<SessionInput.BreakInput> input,
                                                  Instant startsAt, Instant endsAt) {
        List<SessionInput.BreakInput> raw = checks.list("breaks", input, 50);
        List<Session.TimeRange> breaks = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            SessionInput.BreakInput b = raw.get(i);
            if (b == null) {
                continue;
            }
            String field = "breaks[" + i + "]";
            Instant from = checks.instant(field + ".startsAt", b.startsAt());
            Instant to = checks.instant(field + ".endsAt", b.endsAt());
            if (from == null || to == null) {
                continue;
            }
            if (!to.isAfter(from)) {
                checks.fail(field + ".endsAt", "must be after the break's startsAt");
            } else if (from.isBefore(startsAt) || to.isAfter(endsAt)) {
                checks.fail(field, "must lie within the session, between startsAt and endsAt");
            } else {
                breaks.add(new Session.TimeRange(from, to));
            }
        }
        breaks.sort(Comparator.comparing(Session.TimeRange::startsAt));
        for (int i = 1; i < breaks.size(); i++) {
            if (breaks.get(i).startsAt().isBefore(breaks.get(i - 1).endsAt())) {
                checks.fail("breaks", "must not overlap (breaks starting at " + breaks.get(i - 1).startsAt() + " and "
                        + breaks.get(i).startsAt() + " do)");
                break;
            }
        }
        return breaks;
    }

    /**
     * A multi-day session must declare its nights as breaks: attendance is judged against every scheduled minute, so
     * without them nobody could attend all of it, and all-or-nothing bodies would award 0 to everyone.
     */
    private static void requireNightsAsBreaks(Checks checks, Instant startsAt, Instant endsAt,
                                              List<Session.TimeRange> breaks) {
        Instant from = startsAt;
        for (Session.TimeRange b : breaks) { // sorted and not overlapping
            checkStretch(checks, from, b.startsAt());
            from = b.endsAt();
        }
        checkStretch(checks, from, endsAt);
    }

    private static void checkStretch(Checks checks, Instant from, Instant to) {
        if (!checks.hasErrors() && Duration.between(from, to).compareTo(LONGEST_STRETCH) > 0) {
            checks.fail("breaks", "instruction from " + from + " to " + to + " runs more than "
                    + LONGEST_STRETCH.toHours() + " hours without a break; give a multi-day session its nights as"
                    + " breaks, or publish one session per day");
        }
    }

    private static void requireInstructionTime(Checks checks, double creditHours, Instant startsAt, Instant endsAt,
                                               List<Session.TimeRange> breaks) {
        long minutes = Duration.between(startsAt, endsAt).toMinutes();
        for (Session.TimeRange b : breaks) {
            minutes -= Duration.between(b.startsAt(), b.endsAt()).toMinutes();
        }
        if (creditHours * 60 > minutes + EPSILON) {
            checks.fail("creditHours", "must not exceed the scheduled instruction time of " + minutes
                    + " minutes (" + minutes / 60.0 + " hours, breaks excluded); 1 CE hour is 60 minutes");
        }
    }

    private static List<Session.CategoryHours> categories(Checks checks, List<SessionInput.CategoryInput> input,
                                                          Double creditHours) {
        List<SessionInput.CategoryInput> raw = checks.list("categories", input, Category.values().length);
        List<Session.CategoryHours> categories = new ArrayList<>();
        Set<Category> seen = EnumSet.noneOf(Category.class);
        double sum = 0;
        for (int i = 0; i < raw.size(); i++) {
            SessionInput.CategoryInput c = raw.get(i);
            if (c == null) {
                continue;
            }
            String field = "categories[" + i + "]";
            Category category = checks.oneOf(field + ".category", c.category(), Category.class);
            Double hours = checks.positive(field + ".hours", c.hours(), MAX_CREDIT_HOURS);
            if (category != null && !seen.add(category)) {
                checks.fail(field + ".category", "repeats " + category + "; give each category once");
            } else if (category != null && hours != null) {
                categories.add(new Session.CategoryHours(category, hours));
                sum += hours;
            }
        }
        if (creditHours != null && sum > creditHours + EPSILON) {
            checks.fail("categories", "hours sum to " + sum + ", more than creditHours " + creditHours);
        }
        return categories;
    }

    private static List<Session.Approval> approvals(Checks checks, List<SessionInput.ApprovalInput> input) {
        List<SessionInput.ApprovalInput> raw = checks.list("approvals", input, 10);
        List<Session.Approval> approvals = new ArrayList<>();
        ApprovalKeys keys = new ApprovalKeys(checks);
        for (int i = 0; i < raw.size(); i++) {
            SessionInput.ApprovalInput a = raw.get(i);
            if (a == null) {
                continue;
            }
            String field = "approvals[" + i + "]";
            ApprovalBody body = checks.oneOf(field + ".body", a.body(), ApprovalBody.class);
            ApprovalKeys.Key key = keys.next(field, body, a.jurisdiction());
            String approvalId = checks.text(field + ".approvalId", a.approvalId(), 100);
            String providerNumber = a.providerNumber() == null ? null
                    : checks.text(field + ".providerNumber", a.providerNumber(), 100);
            if (key != null && approvalId != null) {
                approvals.add(new Session.Approval(body, key.jurisdiction(), approvalId, providerNumber));
            }
        }
        return approvals;
    }

    /** The provider's stricter rule, bounded so it is a rule and not a typo; null when absent. */
    private static Session.AttendancePolicy attendancePolicy(Checks checks, SessionInput.AttendancePolicyInput in) {
        if (in == null) {
            return null;
        }
        Integer tolerance = in.toleranceMinutes();
        Integer minimum = in.minimumAttendedPercent();
        if (tolerance != null && (tolerance < 0 || tolerance > MAX_TOLERANCE_MINUTES)) {
            checks.fail("attendancePolicy.toleranceMinutes",
                    "must be 0 to " + MAX_TOLERANCE_MINUTES + " (got " + tolerance + ")");
        }
        if (minimum != null && (minimum < 1 || minimum > 100)) {
            checks.fail("attendancePolicy.minimumAttendedPercent", "must be 1 to 100 (got " + minimum + ")");
        }
        if (tolerance == null && minimum == null) {
            checks.fail("attendancePolicy",
                    "must set toleranceMinutes, minimumAttendedPercent or both; omit it otherwise");
        }
        return new Session.AttendancePolicy(tolerance, minimum);
    }

    private SessionPolicy() {
    }
}
