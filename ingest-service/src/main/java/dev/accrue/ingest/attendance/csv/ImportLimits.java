package dev.accrue.ingest.attendance.csv;

import dev.accrue.ingest.errors.PayloadTooLargeException;

/** The row limit of one import, checked as each row is read, so a file cannot make one request hold unbounded memory. */
final class ImportLimits {

    static void requireAtMost(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new PayloadTooLargeException("The file has more than " + maxRows + " data rows; one import takes at most "
                    + maxRows + " (accrue.ingest.limits.import-rows). Split the file.");
        }
    }

    private ImportLimits() {
    }
}
