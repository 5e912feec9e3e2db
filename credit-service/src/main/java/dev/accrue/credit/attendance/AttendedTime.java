package dev.accrue.credit.attendance;

import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Minutes of instruction a licensee attended in a live session, and minutes scheduled.
 *
 * <p>Rules, in the order they apply: JOINED and LEFT events are read as a set of (type, instant),
 * so repeats and arrival order never matter. Sorted by time (a JOINED before a LEFT at the same
 * instant), each JOINED raises a presence count and each LEFT lowers it; the person is present
 * while the count is above zero. So overlapping devices and Zoom reconnects count once, and a
 * JOINED with no LEFT stays open until {@code endsAt}. Presence is clipped to
 * {@code [startsAt, endsAt)} and breaks are cut out. Minutes are whole minutes, rounded down.
 */
public record AttendedTime(int attendedMinutes, int scheduledMinutes, Instant lastPresentAt) {

    private static final long MINUTE = 60_000L;

    public int missedMinutes() {
        return Math.max(0, scheduledMinutes - attendedMinutes);
    }

    public static AttendedTime of(Collection<AttendanceFact> facts, SessionDefinition session) {
        TimeRange window = new TimeRange(session.startsAt(), session.endsAt());
        List<TimeRange> breaks = union(clip(session.breaks(), window));
        List<TimeRange> present = subtract(union(clip(presence(facts, window.end()), window)), breaks);
        long attended = present.stream().mapToLong(TimeRange::millis).sum();
        long scheduled = window.millis() - breaks.stream().mapToLong(TimeRange::millis).sum();
        Instant last = present.isEmpty() ? null : present.get(present.size() - 1).end();
        return new AttendedTime((int) (attended / MINUTE), (int) (scheduled / MINUTE), last);
    }

    /** Presence intervals from the JOINED/LEFT count; an interval still open at the end closes at {@code endsAt}. */
    static List<TimeRange> presence(Collection<AttendanceFact> facts, Instant endsAt) {
        List<AttendanceFact> sorted = facts.stream()
                .filter(AttendanceFact::isPresence)
                .distinct() // a repeated (type, instant) is one fact, whatever its event id
                .sorted() // by time, a JOINED before a LEFT at the same instant
                .toList();
        List<TimeRange> intervals = new ArrayList<>();
        int count = 0;
        Instant openedAt = null;
        for (AttendanceFact fact : sorted) {
            if (fact.type() == AttendanceType.JOINED) {
                if (count++ == 0) {
                    openedAt = fact.at();
                }
            } else if (count > 0 && --count == 0) { // a LEFT with nobody present proves nothing: ignored
                intervals.add(new TimeRange(openedAt, fact.at()));
            }
        }
        if (count > 0 && openedAt.isBefore(endsAt)) {
            intervals.add(new TimeRange(openedAt, endsAt));
        }
        return intervals;
    }

    static List<TimeRange> clip(List<TimeRange> ranges, TimeRange window) {
        // A range wholly outside the window clips to nothing (checked before building the range).
        return ranges.stream()
                .filter(r -> r.start().isBefore(window.end()) && r.end().isAfter(window.start()))
                .map(r -> new TimeRange(max(r.start(), window.start()), min(r.end(), window.end())))
                .toList();
    }

    /** Merges overlapping or touching ranges, so every instant counts once. */
    static List<TimeRange> union(List<TimeRange> ranges) {
        List<TimeRange> sorted = ranges.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : sorted) {
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !range.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new TimeRange(last.start(), max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    /** The parts of sorted, disjoint {@code ranges} not covered by sorted, disjoint {@code cuts}. */
    static List<TimeRange> subtract(List<TimeRange> ranges, List<TimeRange> cuts) {
        List<TimeRange> result = new ArrayList<>();
        for (TimeRange range : ranges) {
            Instant cursor = range.start();
            for (TimeRange cut : cuts) {
                if (!cut.end().isAfter(cursor) || !cut.start().isBefore(range.end())) {
                    continue;
                }
                if (cut.start().isAfter(cursor)) {
                    result.add(new TimeRange(cursor, cut.start()));
                }
                cursor = max(cursor, cut.end());
            }
            if (cursor.isBefore(range.end())) {
                result.add(new TimeRange(cursor, range.end()));
            }
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return Objects.requireNonNull(a).isBefore(b) ? a : b;
    }
}
