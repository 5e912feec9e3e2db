package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.ApprovalKey;
import java.util.Set;

/**
 * One kind of credit a board accepts: approvals by {@code body}, from {@code jurisdiction} when it names one
 * (Ohio accepts NASW's Ohio chapter, not every chapter), for {@code licenseTypes} when it lists some (Ohio:
 * NBCC for counselors only), and at least {@code minHours} long (Ohio: NBCC programmes of an hour or more).
 */
public record Acceptance(ApprovalKey approval, Set<String> licenseTypes, double minHours) {

    public Acceptance {
        licenseTypes = Set.copyOf(licenseTypes);
    }

    boolean covers(ApprovalKey key) {
        return approval.body() == key.body()
                && (approval.jurisdiction() == null || approval.jurisdiction().equals(key.jurisdiction()));
    }

    boolean coversLicenseType(String licenseType) {
        return licenseTypes.isEmpty() || licenseTypes.contains(licenseType);
    }
}
