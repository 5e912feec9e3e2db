package dev.accrue.credit.certificate;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a certificate is (re)issued: one per licensee and session once any award is above 0, and
 * a new revision whenever the certified awards change. When every award has dropped to 0 the
 * certificate is revised with no awards, which revokes it. Nothing is issued while nothing changed, nor
 * without the participant's name.
 */
public final class CertificatePolicy {

    public static Optional<Certificate> next(Certificate previous, Collection<Award> awards, SessionDefinition session,
                                             Licensee licensee, Instant now) {
        List<CertifiedAward> certified = awards.stream()
                .filter(Award::granted)
                .sorted(Comparator.comparing(Award::approval))
                .map(a -> new CertifiedAward(a.awardId(), a.revision(), a.body(), a.jurisdiction(), a.approvalId(),
                        a.hours(), a.categories()))
                .toList();
        if (previous == null ? certified.isEmpty() : previous.awards().equals(certified)) {
            return Optional.empty();
        }
        // A certificate an auditor accepts names its participant: with no name known, none is issued (the awards
        // stand, and the next change of them issues it); a revision keeps the name it was issued with.
        String name = licensee != null && !licensee.displayName().isBlank() ? licensee.displayName()
                : previous != null ? previous.participantName() : null;
        if (name == null) {
            return Optional.empty();
        }
        Award any = awards.iterator().next();
        Instant start = session.isSelfStudy() ? any.completedAt() : session.startsAt();
        Instant end = session.isSelfStudy() ? any.completedAt() : session.endsAt();
        String licenseeId = any.licenseeId();
        String number = CertificateNumber.of(licenseeId, session.sessionId());
        String identity = licensee != null && licensee.email() != null && !licensee.email().isBlank()
                ? RecipientIdentity.hash(licensee.email(), number)
                : previous != null ? previous.recipientIdentityHash() : null;
        return Optional.of(new Certificate(
                number,
                previous == null ? 1 : previous.revision() + 1,
                licenseeId,
                name,
                licensee != null ? licensee.licenseNumbers() : previous.licenseNumbers(),
                session.sessionId(), session.courseId(), session.providerId(), session.title(), session.format(),
                start, end, certified, now, identity));
    }

    private CertificatePolicy() {
    }
}
