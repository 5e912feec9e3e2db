package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.CategoryHours;
import java.util.List;

/** Credit from one approval (body and jurisdiction) as printed on a certificate, with the award revision certified. */
public record CertifiedAward(String awardId, int awardRevision, ApprovalBody body, String jurisdiction,
                             String approvalId, double hours,
                             List<CategoryHours> categories) {

    public CertifiedAward {
        categories = List.copyOf(categories);
    }
}
