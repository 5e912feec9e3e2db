package dev.accrue.credit.streams.store;

import java.time.Instant;

/** A live session with attendance in this task that is not final yet: when it ends and when attendance last arrived. */
public record OpenSession(Instant endsAt, Instant lastAttendanceAt) {
}
