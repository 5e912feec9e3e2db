package dev.accrue.ingest.licensee.web;

import dev.accrue.ingest.licensee.LicenseeInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of PUT /v1/licensees/{licenseeId}. */
record LicenseeRequest(
        @Schema(example = "Jane", requiredMode = Schema.RequiredMode.REQUIRED) String givenName,
        @Schema(example = "Doe", requiredMode = Schema.RequiredMode.REQUIRED) String familyName,
        @Schema(example = "jane.doe@example.org", requiredMode = Schema.RequiredMode.REQUIRED) String email,
        List<License> licenses,
        @Schema(example = "acme", description = "ADMIN keys only: the provider that owns the licensee (assign or transfer);"
                + " without it the owner stays as it is. A PROVIDER key may name only itself.") String owner) {

    record License(
            @Schema(example = "CA-BBS", description = "Board code: CA-BBS, TX-LPC, FL-491, NY-LMHC, OH-CSWMFT...") String board,
            @Schema(example = "LMFT") String licenseType,
            @Schema(example = "LMFT 12345") String licenseNumber,
            @Schema(format = "date", example = "2024-01-01") String cycleStart,
            @Schema(format = "date", example = "2025-12-31") String cycleEnd,
            Boolean firstRenewal,
            @Schema(description = "True when the licensee supervises associates or interns under this licence") Boolean supervisor,
            @Schema(example = "[\"HIV_AIDS\", \"TELEHEALTH\"]", description = "One-time requirements (content"
                    + " categories) the licensee attests were met before licensure; they then count as met")
            List<String> attestedCategories) {
    }

    LicenseeInput toInput() {
        return new LicenseeInput(givenName, familyName, email, licenses == null ? null : licenses.stream()
                .map(l -> l == null ? null : new LicenseeInput.LicenseInput(l.board(), l.licenseType(), l.licenseNumber(),
                        l.cycleStart(), l.cycleEnd(), l.firstRenewal(), l.supervisor(), l.attestedCategories()))
                .toList(), owner);
    }
}
