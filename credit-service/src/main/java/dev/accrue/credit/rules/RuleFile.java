package dev.accrue.credit.rules;

import java.time.LocalDate;

/** Where a set of rules comes from: its version, the day it takes effect, and the public source it restates. */
public record RuleFile(String version, LocalDate effectiveDate, String source) {

    /** Version and effective date together, the form events record ({@code 2025.1@2025-01-01}). */
    public String label() {
        return version + "@" + effectiveDate;
    }
}
