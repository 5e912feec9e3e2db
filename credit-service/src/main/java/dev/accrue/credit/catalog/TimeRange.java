package dev.accrue.credit.catalog;

import java.time.Instant;

/** A half-open interval of time [start, end). */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A time range cannot end before it starts: " + start + " .. " + end);
        }
    }

    public long millis() {
        return end.toEpochMilli() - start.toEpochMilli();
    }
}
