package dev.accrue.search.indexing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The latest compliance status of one licence (licensee, board and licence type). Written with the
 * evaluation time as external version, so only a later evaluation replaces it; two evaluations at
 * the same millisecond keep the first one indexed. The licence number is left out of the index.
 */
public record ComplianceDocument(
        String licenseeId, String board, String licenseType, LocalDate cycleStart, LocalDate cycleEnd,
        double requiredHours, double earnedHours, double countedHours, double remainingHours, String status,
        String ruleVersion, Instant evaluatedAt) {

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.COMPLIANCE, DocumentIds.of(licenseeId, board, licenseType),
                OptionalLong.of(evaluatedAt.toEpochMilli()), this);
    }
}
