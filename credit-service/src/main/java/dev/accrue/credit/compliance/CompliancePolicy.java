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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out one licence's standing against its board's rules on a given day.
 *
 * <ol>
 *   <li>Only awards above 0 from bodies the board accepts count. A session approved by several
 *       bodies counts once, with its largest accepted award; with {@code repeatedCourseCountsOnce}
 *       (Ohio) a course taken twice in the cycle counts once, with its largest award.</li>
 *   <li>Earned = hours completed within the cycle (both days inclusive). Counted = earned minus
 *       what exceeds each format cap (NY self-study 12 h, pro-rated with the requirement), plus carry-over: the previous cycle's
 *       counted hours above its requirement, up to {@code carryOverMaxHours} (TX 10 h).</li>
 *   <li>Required = the cycle hours; in a first renewal, none (exempt) or the reduced hours; a
 *       cycle shorter than the board's is pro-rated by months where the board says so (NY).</li>
 *   <li>Every-cycle category minimums count hours from this cycle; one-time minimums count hours
 *       from any time.</li>
 *   <li>Status: EXEMPT, COMPLETE when nothing is missing, OVERDUE after the cycle's last day,
 *       AT_RISK when fewer than 90 days are left, otherwise ON_TRACK.</li>
 * </ol>
 */
public final class CompliancePolicy {

    static final int AT_RISK_DAYS = 90;

    public static ComplianceReport evaluate(String licenseeId, License license, Collection<Award> awards,
                                            BoardRules rules, Instant now) {
        // Days are the board's: a cycle ends at midnight where the board is, and a session that ends on the
        // evening of the cycle's last day there still counts in it.
        LocalDate today = LocalDate.ofInstant(now, rules.timeZone());
        List<Award> counting = counting(awards, rules);
        List<Award> inCycle = within(counting, license.cycleStart(), license.cycleEnd(), rules);
        boolean exempt = license.firstRenewal() && rules.firstRenewal().kind() == FirstRenewal.Kind.EXEMPT;
        double required = exempt ? 0 : required(license, rules);
        double earned = Hours.round(sum(inCycle));
        double counted = Hours.round(afterCaps(inCycle, rules, proRated(license, rules))
                + carryOver(license, counting, rules));
        double remaining = Hours.round(Math.max(0, required - counted));
        List<CategoryProgress> categories = exempt ? List.of() : categories(license, inCycle, counting, rules);
        boolean missing = remaining > 0 || categories.stream().anyMatch(c -> !c.met());
        return new ComplianceReport(licenseeId, license.board(), license.licenseType(), license.licenseNumber(),
                license.cycleStart(), license.cycleEnd(), required, earned, counted, remaining, categories,
                status(exempt, missing, today, license.cycleEnd()), rules.board() + " " + rules.file().label(), now);
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

    /** Accepted awards above 0, one per session (the largest). */
    private static List<Award> counting(Collection<Award> awards, BoardRules rules) {
        return largestPer(awards.stream()
                .filter(Award::granted)
                .filter(a -> rules.acceptedBodies().contains(a.body()))
                .toList(), Award::sessionId);
    }

    /** Awards completed in [start, end]; one per course when the board counts a repeated course once. */
    private static List<Award> within(List<Award> awards, LocalDate start, LocalDate end, BoardRules rules) {
        List<Award> inRange = awards.stream().filter(a -> {
            LocalDate day = LocalDate.ofInstant(a.completedAt(), rules.timeZone());
            return !day.isBefore(start) && !day.isAfter(end);
        }).toList();
        return rules.repeatedCourseCountsOnce() ? largestPer(inRange, Award::courseId) : inRange;
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

    private static List<CategoryProgress> categories(License license, List<Award> inCycle, List<Award> ever,
                                                     BoardRules rules) {
        List<CategoryProgress> progress = new ArrayList<>();
        for (CategoryMinimum minimum : rules.minimums()) {
            if (minimum.appliesTo(license, rules.cycleMonths())) {
                Map<?, Double> byCategory = categoryHours(minimum.oneTime() ? ever : inCycle);
                double earned = Hours.round(byCategory.getOrDefault(minimum.category(), 0.0));
                progress.add(new CategoryProgress(minimum.category(), minimum.hours(), earned, minimum.oneTime()));
            }
        }
        return progress;
    }

    private static Map<?, Double> categoryHours(List<Award> awards) {
        return awards.stream().flatMap(a -> a.categories().stream())
                .collect(Collectors.groupingBy(CategoryHours::category, Collectors.summingDouble(CategoryHours::hours)));
    }

    private static double sum(List<Award> awards) {
        return awards.stream().mapToDouble(Award::hours).sum();
    }

    private CompliancePolicy() {
    }
}
