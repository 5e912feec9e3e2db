package dev.accrue.credit.accrual;

import dev.accrue.credit.rules.RuleVersions;
import dev.accrue.credit.rules.YamlRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Every version of the credit rules, from the rule files listed in {@code rules/index.yaml}. */
public final class CreditRuleBook {

    private final RuleVersions<CreditRules> versions;

    public CreditRuleBook(List<CreditRules> versions) {
        this.versions = new RuleVersions<>(versions, CreditRules::file);
    }

    public static CreditRuleBook load() {
        return new CreditRuleBook(YamlRules.index("rules/index.yaml", "credit").stream()
                .map(YamlRules::classpath).map(CreditRules::read).toList());
    }

    /** The rules in force on the day an activity took place. */
    public CreditRules effectiveOn(LocalDate day) {
        return versions.effectiveOn(day);
    }

    /** The rules in force on the local day, in the zone, of an instant (a session's day is its own, not UTC's). */
    public CreditRules effectiveAt(Instant instant, ZoneId zone) {
        return effectiveOn(LocalDate.ofInstant(instant, zone));
    }
}
