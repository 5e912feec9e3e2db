package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.rules.RuleFile;
import dev.accrue.credit.rules.YamlRules;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the credit rules: a policy per accrediting body, the default self-study passing
 * score, and which bodies report IACET continuing education units (CEU = hours / 10).
 */
public record CreditRules(RuleFile file, Map<ApprovalBody, CreditPolicy> policies, double defaultPassingScore,
                          Set<ApprovalBody> ceuBodies) {

    public CreditRules {
        policies = Map.copyOf(policies);
        ceuBodies = Set.copyOf(ceuBodies);
    }

    public Optional<CreditPolicy> policyFor(ApprovalBody body) {
        return Optional.ofNullable(policies.get(body));
    }

    static CreditRules read(YamlRules yaml) {
        Map<ApprovalBody, CreditPolicy> policies = new EnumMap<>(ApprovalBody.class);
        EnumSet<ApprovalBody> ceu = EnumSet.noneOf(ApprovalBody.class);
        YamlRules section = yaml.section("policies");
        for (String body : section.raw().keySet()) {
            YamlRules policy = section.section(body);
            policies.put(ApprovalBody.valueOf(body), policy(policy));
            if (policy.bool("reportsCeu", false)) {
                ceu.add(ApprovalBody.valueOf(body));
            }
        }
        double passing = yaml.section("selfStudy").number("passingScore", 75);
        return new CreditRules(yaml.file(), policies, passing, ceu);
    }

    private static CreditPolicy policy(YamlRules policy) {
        String kind = policy.string("policy");
        return switch (kind) {
            case "ALL_OR_NOTHING" -> new CreditPolicy.AllOrNothing((int) policy.number("toleranceMinutes", 0));
            case "PARTIAL_TENTHS" -> new CreditPolicy.PartialTenths();
            case "PARTIAL_STEPS" -> new CreditPolicy.PartialSteps((int) policy.number("stepMinutes", 30));
            default -> throw new IllegalStateException("Unknown credit policy " + kind);
        };
    }
}
