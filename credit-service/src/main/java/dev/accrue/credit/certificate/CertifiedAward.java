package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.CategoryHours;
import java.util.List;

/** Credit from one body as printed on a certificate, with the award revision it certifies. */
public record CertifiedAward(String awardId, int awardRevision, ApprovalBody body, String approvalId, double hours,
                             List<CategoryHours> categories) {

    public CertifiedAward {
        categories = List.copyOf(categories);
    }
}
