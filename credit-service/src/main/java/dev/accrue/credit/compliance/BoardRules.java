package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.rules.RuleFile;
import dev.accrue.credit.rules.YamlRules;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One version of one board's renewal rules, read from {@code rules/boards/*.yaml}: cycle hours and
 * length, category minimums, caps, carry-over, the first-renewal rule, whether shorter cycles are
 * pro-rated, which approval bodies the board accepts, whether a repeated course counts once, and
 * the board's time zone, in which a cycle's days begin and end (UTC when the file names none).
 */
public record BoardRules(
        RuleFile file,
        String board,
        Set<String> licenseTypes,
        double cycleHours,
        int cycleMonths,
        List<CategoryMinimum> minimums,
        List<HoursCap> caps,
        double carryOverMaxHours,
        FirstRenewal firstRenewal,
        boolean proRateShortCycles,
        Set<ApprovalBody> acceptedBodies,
        boolean repeatedCourseCountsOnce,
        ZoneId timeZone) {

    public BoardRules {
        licenseTypes = Set.copyOf(licenseTypes);
        minimums = List.copyOf(minimums);
        caps = List.copyOf(caps);
        acceptedBodies = Set.copyOf(acceptedBodies);
    }

    static BoardRules read(YamlRules yaml) {
        YamlRules first = yaml.section("firstRenewal");
        return new BoardRules(
                yaml.file(),
                yaml.string("board"),
                new HashSet<>(yaml.strings("licenseTypes")),
                yaml.number("cycleHours", 0),
                (int) yaml.number("cycleMonths", 24),
                yaml.sections("categoryMinimums").stream().map(BoardRules::minimum).toList(),
                yaml.sections("caps").stream()
                        .map(c -> new HoursCap(Format.valueOf(c.string("format")), c.number("maxHours", 0))).toList(),
                yaml.number("carryOverMaxHours", 0),
                new FirstRenewal(FirstRenewal.Kind.valueOf(first.string("rule")), first.number("hours", 0)),
                yaml.bool("proRateShortCycles", false),
                yaml.strings("acceptedBodies").stream().map(ApprovalBody::valueOf).collect(java.util.stream.Collectors.toSet()),
                yaml.bool("repeatedCourseCountsOnce", false),
                yaml.has("timeZone") ? ZoneId.of(yaml.string("timeZone")) : ZoneOffset.UTC);
    }

    private static CategoryMinimum minimum(YamlRules yaml) {
        return new CategoryMinimum(
                Category.valueOf(yaml.string("category")),
                yaml.number("hours", 0),
                "ONE_TIME".equals(yaml.string("scope")),
                (int) yaml.number("everyNthCycle", 1),
                yaml.has("anchorCycleEnd") ? yaml.date("anchorCycleEnd") : LocalDate.MIN,
                new HashSet<>(yaml.strings("licenseTypes")));
    }
}
