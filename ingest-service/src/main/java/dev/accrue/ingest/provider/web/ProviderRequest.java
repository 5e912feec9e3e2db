package dev.accrue.ingest.provider.web;

import dev.accrue.ingest.provider.ProviderInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of PUT /v1/providers/{providerId}. */
record ProviderRequest(
        @Schema(example = "Acme Behavioral Health Institute", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "https://acme.example.org") String url,
        @Schema(example = "100 Main Street\nSacramento, CA 95814") String address,
        @Schema(example = "https://acme.example.org/logo.png") String logoUrl,
        @Schema(example = "Dana Reyes, PhD") String signerName,
        @Schema(example = "Director of Continuing Education") String signerTitle,
        List<Approval> approvals) {

    record Approval(
            @Schema(example = "APA") String body,
            @Schema(example = "FL", description = "The state of a state board or chapter") String jurisdiction,
            @Schema(example = "1234") String providerNumber,
            @Schema(example = "Acme is approved by the American Psychological Association to sponsor continuing"
                    + " education for psychologists. Acme maintains responsibility for this program and its content.",
                    description = "The body's mandated wording, printed on every certificate") String statement,
            @Schema(example = "Clinical", description = "ASWB ACE only") String courseType,
            @Schema(example = "Intermediate", description = "ASWB ACE only") String level,
            @Schema(format = "date", example = "2024-03-01") String approvalStart,
            @Schema(format = "date", example = "2027-03-01") String approvalEnd) {
    }

    ProviderInput toInput() {
        return new ProviderInput(name, url, address, logoUrl, signerName, signerTitle, approvals == null ? null
                : approvals.stream().map(a -> a == null ? null : new ProviderInput.ApprovalInput(a.body(),
                        a.jurisdiction(), a.providerNumber(), a.statement(), a.courseType(), a.level(), a.approvalStart(),
                        a.approvalEnd())).toList());
    }
}
