package dev.accrue.credit.compliance;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.rules.RuleFile;
import dev.accrue.credit.rules.YamlRules;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of one board's renewal rules, read from {@code rules/boards/*.yaml}: cycle hours and
 * length, category minimums, caps, carry-over, the first-renewal rule, whether shorter cycles are
 * pro-rated, which credit the board accepts, whether a repeated course counts once, and the board's
 * time zone, in which a cycle's days begin and end (UTC when the file names none).
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
        List<Acceptance> accepted,
        boolean repeatedCourseCountsOnce,
        ZoneId timeZone) {

    public BoardRules {
        licenseTypes = Set.copyOf(licenseTypes);
        minimums = List.copyOf(minimums);
        caps = List.copyOf(caps);
        accepted = List.copyOf(accepted);
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
                yaml.sections("accepted").stream().map(BoardRules::acceptance).toList(),
                yaml.bool("repeatedCourseCountsOnce", false),
                yaml.has("timeZone") ? ZoneId.of(yaml.string("timeZone")) : ZoneOffset.UTC);
    }

    /** Why the board does not count this award for a licence of this type; empty when it counts. */
    Optional<NotCounted.Reason> refusal(Award award, String licenseType) {
        List<Acceptance> forBody = accepted.stream().filter(a -> a.covers(award.approval())).toList();
        if (forBody.isEmpty()) {
            return Optional.of(NotCounted.Reason.BODY_NOT_ACCEPTED);
        }
        List<Acceptance> forType = forBody.stream().filter(a -> a.coversLicenseType(licenseType)).toList();
        if (forType.isEmpty()) {
            return Optional.of(NotCounted.Reason.NOT_ACCEPTED_FOR_LICENSE_TYPE);
        }
        boolean longEnough = forType.stream().anyMatch(a -> award.hours() + 1e-9 >= a.minHours());
        return longEnough ? Optional.empty() : Optional.of(NotCounted.Reason.BELOW_MINIMUM_HOURS);
    }

    private static Acceptance acceptance(YamlRules yaml) {
        return new Acceptance(
                new ApprovalKey(ApprovalBody.valueOf(yaml.string("body")),
                        yaml.has("jurisdiction") ? yaml.string("jurisdiction") : null),
                new HashSet<>(yaml.strings("licenseTypes")),
                yaml.number("minHours", 0));
    }

    private static CategoryMinimum minimum(YamlRules yaml) {
        Category category = Category.valueOf(yaml.string("category"));
        if (!yaml.has("from")) {
            // Each board's categories are its own: the content that counts toward one is always written out.
            throw new IllegalStateException("Category minimum " + category
                    + " needs 'from', the content that counts toward it");
        }
        return new CategoryMinimum(
                category,
                yaml.string("label"),
                yaml.strings("from").stream().map(Category::valueOf).collect(Collectors.toSet()),
                yaml.number("hours", 0),
                "ONE_TIME".equals(yaml.string("scope")),
                (int) yaml.number("everyNthCycle", 1),
                yaml.has("anchorCycleEnd") ? yaml.date("anchorCycleEnd") : LocalDate.MIN,
                new HashSet<>(yaml.strings("licenseTypes")),
                yaml.bool("supervisorsOnly", false),
                yaml.strings("approvedBy").stream().map(ApprovalKey::parse).collect(Collectors.toSet()));
    }
}
