package dev.accrue.ingest.provider;

import java.util.List;

/** A provider profile as a client sent it, before any rule is checked. */
public record ProviderInput(String name, String url, String address, String logoUrl, String signerName,
                            String signerTitle, List<ApprovalInput> approvals) {

    public record ApprovalInput(String body, String jurisdiction, String providerNumber, String statement,
                                String courseType, String level, String approvalStart, String approvalEnd) {
    }
}
