package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.Format;

/** At most {@code maxHours} per cycle may come from sessions in {@code format} (e.g. NY: 12 h of self-study). */
public record HoursCap(Format format, double maxHours) {
}
