package dev.accrue.credit.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider as its certificates present it: name, address, signer, and each approval with the statement the
 * body mandates word for word (APA and ASWB approve providers, not programmes, and prescribe that wording).
 */
public record ProviderProfile(String providerId, String name, String url, String address, String logoUrl,
                              String signerName, String signerTitle, List<ProviderApproval> approvals) {

    public ProviderProfile {
        approvals = List.copyOf(approvals);
    }

    /** One body's approval of the provider; ASWB ACE adds the course type, level and approval period. */
    public record ProviderApproval(ApprovalBody body, String jurisdiction, String providerNumber, String statement,
                                   String courseType, String level, LocalDate approvalStart, LocalDate approvalEnd) {
    }

    /** The provider's approval by this body and jurisdiction, if it has one on its profile. */
    public Optional<ProviderApproval> approval(ApprovalBody body, String jurisdiction) {
        return approvals.stream().filter(a -> a.body() == body && Objects.equals(a.jurisdiction(), jurisdiction))
                .findFirst();
    }
}
