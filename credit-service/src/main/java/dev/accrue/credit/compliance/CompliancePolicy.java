package dev.accrue.credit.compliance;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Hours;
import dev.accrue.credit.licensee.License;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Works out one licence's standing against its board's rules on a given day; {@link #evaluate} lists the rules. */
public final class CompliancePolicy {

    static final int AT_RISK_DAYS = 90;

    /**
     * One licence's standing on the day {@code now} is in, against its board's rules:
     *
     * <ol>
     *   <li>Only awards above 0 that the board accepts for the licence type count ({@link Acceptance}). A
     *       session approved by several bodies counts once, with its largest accepted award; with
     *       {@code repeatedCourseCountsOnce} (Ohio) a course taken twice in the cycle counts once. Every other
     *       award of the cycle is listed as not counted, with the reason.</li>
     *   <li>Earned = hours completed within the cycle (both days inclusive). Counted = earned minus
     *       what exceeds each format cap (NY self-study 12 h, pro-rated with the requirement), plus carry-over: the previous cycle's
     *       counted hours above its requirement, up to {@code carryOverMaxHours} (TX 10 h).</li>
     *   <li>Required = the cycle hours; in a first renewal, none (exempt) or the reduced hours; a
     *       cycle shorter than the board's is pro-rated by months where the board says so (NY).</li>
     *   <li>Category minimums are the board's: hours of the content it maps to each count, from its
     *       listed approvals only where it names some. Every-cycle minimums count this cycle's hours,
     *       one-time minimums hours from any time, or the licensee's attestation.</li>
     *   <li>Status: EXEMPT, COMPLETE when nothing is missing, OVERDUE after the cycle's last day,
     *       AT_RISK when fewer than 90 days are left, otherwise ON_TRACK.</li>
     * </ol>
     */
    public static ComplianceReport evaluate(String licenseeId, License license, Collection<Award> awards,
                                            BoardRules rules, Instant now) {
        // Days are the board's: a cycle ends at midnight where the board is, and a session that ends on the
        // evening of the cycle's last day there still counts in it.
        LocalDate today = LocalDate.ofInstant(now, rules.timeZone());
        List<Award> accepted = accepted(awards, license, rules);
        List<Award> counting = largestPer(accepted, Award::sessionId);
        List<Award> inCycle = within(counting, license.cycleStart(), license.cycleEnd(), rules);
        boolean exempt = license.firstRenewal() && rules.firstRenewal().kind() == FirstRenewal.Kind.EXEMPT;
        double required = exempt ? 0 : required(license, rules);
        double earned = Hours.round(sum(inCycle));
        double counted = Hours.round(afterCaps(inCycle, rules, proRated(license, rules))
                + carryOver(license, counting, rules));
        double remaining = Hours.round(Math.max(0, required - counted));
        List<CategoryProgress> categories = exempt ? List.of() : categories(license, accepted, counting, rules);
        boolean missing = remaining > 0 || categories.stream().anyMatch(c -> !c.met());
        return new ComplianceReport(licenseeId, license.board(), license.licenseType(), license.licenseNumber(),
                license.cycleStart(), license.cycleEnd(), required, earned, counted, remaining, categories,
                notCounted(awards, inCycle, license, rules), status(exempt, missing, today, license.cycleEnd()),
                rules.board() + " " + rules.file().label(), now);
    }

    private static ComplianceState status(boolean exempt, boolean missing, LocalDate today, LocalDate cycleEnd) {
        if (exempt) {
            return ComplianceState.EXEMPT;
        }
        if (!missing) {
            return ComplianceState.COMPLETE;
        }
        if (today.isAfter(cycleEnd)) {
            return ComplianceState.OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, cycleEnd) < AT_RISK_DAYS ? ComplianceState.AT_RISK : ComplianceState.ON_TRACK;
    }

    /** Awards above 0 that the board accepts for this licence's type. */
    private static List<Award> accepted(Collection<Award> awards, License license, BoardRules rules) {
        return awards.stream()
                .filter(Award::granted)
                .filter(a -> rules.refusal(a, license.licenseType()).isEmpty())
                .toList();
    }

    /** Awards completed in [start, end]; one per course when the board counts a repeated course once. */
    private static List<Award> within(List<Award> awards, LocalDate start, LocalDate end, BoardRules rules) {
        List<Award> inRange = inRange(awards, start, end, rules);
        return rules.repeatedCourseCountsOnce() ? largestPer(inRange, Award::courseId) : inRange;
    }

    private static List<Award> inRange(Collection<Award> awards, LocalDate start, LocalDate end, BoardRules rules) {
        return awards.stream().filter(a -> {
            LocalDate day = LocalDate.ofInstant(a.completedAt(), rules.timeZone());
            return !day.isBefore(start) && !day.isAfter(end);
        }).toList();
    }

    /** Every award above 0 completed in the cycle that is not among the counted ones, with the reason, in id order. */
    private static List<NotCounted> notCounted(Collection<Award> awards, List<Award> counted, License license,
                                               BoardRules rules) {
        List<NotCounted> notCounted = new ArrayList<>();
        List<Award> granted = awards.stream().filter(Award::granted).toList();
        for (Award award : inRange(granted, license.cycleStart(), license.cycleEnd(), rules)) {
            if (counted.contains(award)) {
                continue;
            }
            NotCounted.Reason reason = rules.refusal(award, license.licenseType()).orElseGet(() ->
                    counted.stream().anyMatch(c -> c.sessionId().equals(award.sessionId()))
                            ? NotCounted.Reason.SESSION_COUNTED_ONCE : NotCounted.Reason.COURSE_COUNTED_ONCE);
            notCounted.add(new NotCounted(award.awardId(), award.sessionId(), award.approval(), award.hours(), reason,
                    detail(reason, award, counted, license, rules)));
        }
        notCounted.sort(Comparator.comparing(NotCounted::awardId));
        return notCounted;
    }

    private static String detail(NotCounted.Reason reason, Award award, List<Award> counted, License license,
                                 BoardRules rules) {
        String board = rules.board();
        return switch (reason) {
            case BODY_NOT_ACCEPTED -> board + " does not accept credit approved by " + award.approval();
            case NOT_ACCEPTED_FOR_LICENSE_TYPE -> board + " accepts " + award.approval() + " credit for other licence types, not "
                    + license.licenseType();
            case BELOW_MINIMUM_HOURS -> board + " accepts " + award.approval() + " credit for " + license.licenseType()
                    + " only for longer programmes; this one is " + award.hours() + " h";
            case SESSION_COUNTED_ONCE -> "The session counts once, through "
                    + counted.stream().filter(c -> c.sessionId().equals(award.sessionId())).findFirst()
                            .map(c -> c.approval().toString()).orElse("another approval");
            case COURSE_COUNTED_ONCE -> board + " counts course " + award.courseId()
                    + " once per cycle, and it already counts through another session";
        };
    }

    private static List<Award> largestPer(List<Award> awards, Function<Award, String> key) {
        Comparator<Award> largest = Comparator.comparingDouble(Award::hours).thenComparing(Award::awardId);
        return List.copyOf(awards.stream()
                .collect(Collectors.toMap(key, a -> a, (a, b) -> largest.compare(a, b) >= 0 ? a : b))
                .values());
    }

    private static double required(License license, BoardRules rules) {
        if (license.firstRenewal() && rules.firstRenewal().kind() == FirstRenewal.Kind.REDUCED) {
            return rules.firstRenewal().hours();
        }
        return Hours.round(rules.cycleHours() * proRated(license, rules));
    }

    /** The share of a full cycle this licence's cycle counts for: its months over the board's, when the board pro-rates. */
    private static double proRated(License license, BoardRules rules) {
        long months = ChronoUnit.MONTHS.between(license.cycleStart(), license.cycleEnd().plusDays(1));
        return rules.proRateShortCycles() && months < rules.cycleMonths() ? (double) months / rules.cycleMonths() : 1;
    }

    /** Hours after each format cap, the caps scaled like the requirement (NY: self-study at most a third). */
    private static double afterCaps(List<Award> awards, BoardRules rules, double share) {
        double counted = sum(awards);
        for (HoursCap cap : rules.caps()) {
            double inFormat = sum(awards.stream().filter(a -> a.format() == cap.format()).toList());
            counted -= Math.max(0, inFormat - Hours.round(cap.maxHours() * share));
        }
        return counted;
    }

    /** Hours the previous cycle counted above its requirement, up to the board's carry-over limit. */
    private static double carryOver(License license, List<Award> awards, BoardRules rules) {
        if (rules.carryOverMaxHours() <= 0) {
            return 0;
        }
        LocalDate previousStart = license.cycleStart().minusMonths(rules.cycleMonths());
        List<Award> previous = within(awards, previousStart, license.cycleStart().minusDays(1), rules);
        return Math.min(rules.carryOverMaxHours(), Math.max(0, afterCaps(previous, rules, 1) - rules.cycleHours()));
    }

    private static List<CategoryProgress> categories(License license, List<Award> accepted, List<Award> counting,
                                                     BoardRules rules) {
        List<CategoryProgress> progress = new ArrayList<>();
        for (CategoryMinimum minimum : rules.minimums()) {
            if (minimum.appliesTo(license, rules.cycleMonths())) {
                // Only the listed approvals' awards count toward such a minimum, even where another approval of the
                // same session counted for the hours (FL: Florida's laws and rules from the board's own providers).
                List<Award> pool = minimum.approvedBy().isEmpty() ? counting : largestPer(accepted.stream()
                        .filter(a -> minimum.approvedBy().contains(a.approval())).toList(), Award::sessionId);
                List<Award> awards = minimum.oneTime() ? pool : within(pool, license.cycleStart(), license.cycleEnd(), rules);
                double earned = Hours.round(awards.stream().flatMap(a -> a.categories().stream())
                        .filter(c -> minimum.from().contains(c.category())).mapToDouble(CategoryHours::hours).sum());
                boolean attested = minimum.oneTime() && license.attestedCategories().contains(minimum.category());
                progress.add(new CategoryProgress(minimum.category(), minimum.hours(), earned, minimum.oneTime(),
                        minimum.label(), attested));
            }
        }
        return progress;
    }

    private static double sum(List<Award> awards) {
        return awards.stream().mapToDouble(Award::hours).sum();
    }

    private CompliancePolicy() {
    }
}
