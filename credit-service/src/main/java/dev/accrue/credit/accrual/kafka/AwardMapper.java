package dev.accrue.credit.accrual.kafka;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.licensee.License;
import dev.accrue.events.CreditAward;
import dev.accrue.events.ReportedLicense;
import java.util.List;

/** Maps credit awards between the domain and Avro. */
public final class AwardMapper {

    /** The award as published, naming the licences a roster report to the approval's state would name. */
    public static CreditAward toAvro(Award award, List<License> reportedLicenses) {
        return CreditAward.newBuilder()
                .setAwardId(award.awardId()).setRevision(award.revision()).setLicenseeId(award.licenseeId())
                .setSessionId(award.sessionId()).setCourseId(award.courseId()).setProviderId(award.providerId())
                .setTitle(award.title()).setFormat(CatalogMapper.formatToAvro(award.format()))
                .setBody(CatalogMapper.bodyToAvro(award.body())).setJurisdiction(award.jurisdiction())
                .setApprovalId(award.approvalId())
                .setHours(award.hours()).setCeu(award.ceu())
                .setCategories(CatalogMapper.categoriesToAvro(award.categories()))
                .setAttendedMinutes(award.attendedMinutes()).setScheduledMinutes(award.scheduledMinutes())
                .setCompletedAt(award.completedAt()).setAwardedAt(award.awardedAt())
                .setRuleVersion(award.ruleVersion())
                .setLicenses(reportedLicenses.stream()
                        .map(l -> new ReportedLicense(l.board(), l.licenseType(), l.licenseNumber())).toList())
                .build();
    }

    public static Award toDomain(CreditAward award) {
        return new Award(award.getAwardId(), award.getRevision(), award.getLicenseeId(), award.getSessionId(),
                award.getCourseId(), award.getProviderId(), award.getTitle(),
                CatalogMapper.formatToDomain(award.getFormat()),
                CatalogMapper.bodyToDomain(award.getBody())
                        .orElseThrow(() -> new IllegalArgumentException("Award " + award.getAwardId() + " has an unknown body")),
                award.getJurisdiction(), award.getApprovalId(), award.getHours(), award.getCeu(),
                CatalogMapper.categoriesToDomain(award.getCategories()), award.getAttendedMinutes(),
                award.getScheduledMinutes(), award.getCompletedAt(), award.getAwardedAt(), award.getRuleVersion());
    }

    private AwardMapper() {
    }
}
