package dev.accrue.ingest.provider;

import dev.accrue.ingest.catalog.ApprovalBody;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A validated provider profile, as its certificates present it: name, address, signer and each body's statement. */
public record Provider(String providerId, String name, String url, String address, String logoUrl, String signerName,
                       String signerTitle, List<Approval> approvals, Instant updatedAt) {

    public Provider {
        approvals = List.copyOf(approvals);
    }

    /** One body's approval of the provider and the statement that body mandates on certificates. */
    public record Approval(ApprovalBody body, String jurisdiction, String providerNumber, String statement,
                           String courseType, String level, LocalDate approvalStart, LocalDate approvalEnd) {
    }
}
