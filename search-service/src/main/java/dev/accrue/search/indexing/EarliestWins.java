package dev.accrue.search.indexing;

import java.time.Instant;

/**
 * The external version under which a "first attendance" document (a participation, an enrolment) is
 * written, so that Elasticsearch keeps the earliest attending event whatever order the events are read
 * in: {@code 2 * (C - occurredAt millis) + (sessionResolved ? 1 : 0)}, C = {@code Long.MAX_VALUE / 2}.
 * Earlier events get higher versions; for one time, the write that carries its session beats the
 * pending one. A replay, or a write of what is already there or later, answers 409 and changes nothing.
 */
final class EarliestWins {

    /** Leaves room for the resolution bit: every version stays a non-negative long. */
    static final long LATEST = Long.MAX_VALUE / 2;

    /** Times before 1970 count as 1970, those after {@link #LATEST} millis as that. */
    static long version(Instant occurredAt, boolean sessionResolved) {
        long millis = Math.min(LATEST, Math.max(0, occurredAt.toEpochMilli()));
        return 2 * (LATEST - millis) + (sessionResolved ? 1 : 0);
    }

    private EarliestWins() {
    }
}
