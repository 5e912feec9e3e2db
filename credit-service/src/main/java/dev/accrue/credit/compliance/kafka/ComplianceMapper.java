package dev.accrue.credit.compliance.kafka;

import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.compliance.CategoryProgress;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.compliance.ComplianceState;
import dev.accrue.credit.compliance.NotCounted;
import dev.accrue.credit.streams.AvroEnums;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.NotCountedCredit;
import dev.accrue.events.NotCountedReason;

/** Maps compliance reports between the domain and Avro. */
public final class ComplianceMapper {

    public static ComplianceStatus toAvro(ComplianceReport report) {
        return ComplianceStatus.newBuilder()
                .setLicenseeId(report.licenseeId()).setBoard(report.board()).setLicenseType(report.licenseType())
                .setLicenseNumber(report.licenseNumber())
                .setCycleStart(report.cycleStart()).setCycleEnd(report.cycleEnd())
                .setRequiredHours(report.requiredHours()).setEarnedHours(report.earnedHours())
                .setCountedHours(report.countedHours()).setRemainingHours(report.remainingHours())
                .setCategories(report.categories().stream()
                        .map(c -> new dev.accrue.events.CategoryProgress(
                                AvroEnums.toAvro(c.category(), dev.accrue.events.Category.class),
                                c.requiredHours(), c.earnedHours(), c.oneTime(), c.label(), c.attested()))
                        .toList())
                .setNotCounted(report.notCounted().stream()
                        .map(n -> new NotCountedCredit(n.awardId(), n.sessionId(),
                                CatalogMapper.bodyToAvro(n.approval().body()), n.approval().jurisdiction(), n.hours(),
                                AvroEnums.toAvro(n.reason(), NotCountedReason.class), n.detail()))
                        .toList())
                .setStatus(AvroEnums.toAvro(report.status(), dev.accrue.events.ComplianceState.class))
                .setRuleVersion(report.ruleVersion())
                .setEvaluatedAt(report.evaluatedAt())
                .build();
    }

    public static ComplianceReport toDomain(ComplianceStatus status) {
        return new ComplianceReport(status.getLicenseeId(), status.getBoard(), status.getLicenseType(),
                status.getLicenseNumber(), status.getCycleStart(), status.getCycleEnd(), status.getRequiredHours(),
                status.getEarnedHours(), status.getCountedHours(), status.getRemainingHours(),
                status.getCategories().stream()
                        .flatMap(c -> AvroEnums.toDomain(c.getCategory(), Category.class)
                                .map(category -> new CategoryProgress(category, c.getRequiredHours(), c.getEarnedHours(),
                                        c.getOneTime(), c.getLabel(), c.getAttested()))
                                .stream())
                        .toList(),
                status.getNotCounted().stream()
                        // An entry with a body or reason this version does not know is left out, as unknown categories are.
                        .flatMap(n -> CatalogMapper.bodyToDomain(n.getBody())
                                .flatMap(body -> AvroEnums.toDomain(n.getReason(), NotCounted.Reason.class)
                                        .map(reason -> new NotCounted(n.getAwardId(), n.getSessionId(),
                                                new ApprovalKey(body, n.getJurisdiction()), n.getHours(), reason,
                                                n.getDetail())))
                                .stream())
                        .toList(),
                AvroEnums.toDomain(status.getStatus(), ComplianceState.class)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown compliance state")),
                status.getRuleVersion(), status.getEvaluatedAt());
    }

    private ComplianceMapper() {
    }
}
