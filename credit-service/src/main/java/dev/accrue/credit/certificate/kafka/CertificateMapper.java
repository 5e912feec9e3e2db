package dev.accrue.credit.certificate.kafka;

import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.events.CertificateIssued;

/** Maps certificates between the domain and Avro. A certified award of an unknown body is left out. */
public final class CertificateMapper {

    public static CertificateIssued toAvro(Certificate certificate) {
        return CertificateIssued.newBuilder()
                .setCertificateId(certificate.certificateId()).setRevision(certificate.revision())
                .setLicenseeId(certificate.licenseeId()).setParticipantName(certificate.participantName())
                .setLicenseNumbers(certificate.licenseNumbers())
                .setSessionId(certificate.sessionId()).setCourseId(certificate.courseId())
                .setProviderId(certificate.providerId()).setTitle(certificate.title())
                .setFormat(CatalogMapper.formatToAvro(certificate.format()))
                .setActivityStart(certificate.activityStart()).setActivityEnd(certificate.activityEnd())
                .setAwards(certificate.awards().stream()
                        .map(a -> new dev.accrue.events.CertifiedAward(a.awardId(), a.awardRevision(),
                                CatalogMapper.bodyToAvro(a.body()), a.approvalId(), a.hours(),
                                CatalogMapper.categoriesToAvro(a.categories()), a.jurisdiction()))
                        .toList())
                .setIssuedAt(certificate.issuedAt())
                .setRecipientIdentityHash(certificate.recipientIdentityHash())
                .build();
    }

    public static Certificate toDomain(CertificateIssued certificate) {
        return new Certificate(certificate.getCertificateId(), certificate.getRevision(), certificate.getLicenseeId(),
                certificate.getParticipantName(), certificate.getLicenseNumbers(), certificate.getSessionId(),
                certificate.getCourseId(), certificate.getProviderId(), certificate.getTitle(),
                CatalogMapper.formatToDomain(certificate.getFormat()), certificate.getActivityStart(),
                certificate.getActivityEnd(),
                certificate.getAwards().stream()
                        .flatMap(a -> CatalogMapper.bodyToDomain(a.getBody())
                                .map(body -> new CertifiedAward(a.getAwardId(), a.getAwardRevision(), body,
                                        a.getJurisdiction(), a.getApprovalId(), a.getHours(),
                                        CatalogMapper.categoriesToDomain(a.getCategories())))
                                .stream())
                        .toList(),
                certificate.getIssuedAt(), certificate.getRecipientIdentityHash());
    }

    private CertificateMapper() {
    }
}
