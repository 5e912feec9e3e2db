package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.Format;
import java.time.Instant;
import java.util.List;

/**
 * A certificate of completion for one licensee and one session, listing every award above 0.
 * Its number never changes; its revision grows each time the certified awards change, and an
 * empty award list means it was revoked. {@code recipientIdentityHash} identifies the participant in credentials
 * without their email ({@link RecipientIdentity}).
 */
public record Certificate(
        String certificateId,
        int revision,
        String licenseeId,
        String participantName,
        List<String> licenseNumbers,
        String sessionId,
        String courseId,
        String providerId,
        String title,
        Format format,
        Instant activityStart,
        Instant activityEnd,
        List<CertifiedAward> awards,
        Instant issuedAt,
        String recipientIdentityHash) {

    public Certificate {
        licenseNumbers = List.copyOf(licenseNumbers);
        awards = List.copyOf(awards);
    }

    public boolean revoked() {
        return awards.isEmpty();
    }
}
