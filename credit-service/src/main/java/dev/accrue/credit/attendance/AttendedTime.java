package dev.accrue.credit.attendance;

import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Minutes of instruction a licensee attended in a live session, and minutes scheduled, from the licensee's
 * JOINED and LEFT facts whatever their order or repeats; {@link #of} gives the rules.
 */
public record AttendedTime(int attendedMinutes, int scheduledMinutes, Instant lastPresentAt) {

    private static final long MINUTE = 60_000L;

    public int missedMinutes() {
        return Math.max(0, scheduledMinutes - attendedMinutes);
    }

    /**
     * The rules, in the order they apply: JOINED and LEFT are read as a set of facts, so repeats and arrival
     * order never matter. Each connection (one device's visit) counts on its own: sorted by time, a JOINED
     * (first at the same instant) raises its count, a LEFT lowers it, and it is present while the count is
     * above zero. A connection whose LEFT never came is present only until the licensee's last JOINED or LEFT
     * in the session, the last evidence of presence, never to the session end (docs/design.md, section 11).
     * Events without a connection share one count, open until {@code endsAt}, as before connections existed.
     * The licensee is present while any count is; presence is clipped to {@code [startsAt, endsAt)}, breaks
     * are cut out, and minutes are whole minutes, rounded down.
     */
    public static AttendedTime of(Collection<AttendanceFact> facts, SessionDefinition session) {
        TimeRange window = new TimeRange(session.startsAt(), session.endsAt());
        List<TimeRange> breaks = union(clip(session.breaks(), window));
        List<TimeRange> present = subtract(union(clip(presence(facts, window.end()), window)), breaks);
        long attended = present.stream().mapToLong(TimeRange::millis).sum();
        long scheduled = window.millis() - breaks.stream().mapToLong(TimeRange::millis).sum();
        Instant last = present.isEmpty() ? null : present.get(present.size() - 1).end();
        return new AttendedTime((int) (attended / MINUTE), (int) (scheduled / MINUTE), last);
    }

    /** Presence intervals, possibly overlapping: one count per connection, and one for events without a connection. */
    static List<TimeRange> presence(Collection<AttendanceFact> facts, Instant endsAt) {
        List<AttendanceFact> sorted = facts.stream()
                .filter(AttendanceFact::isPresence)
                .distinct() // a repeated fact is one fact, whatever its event id
                .sorted() // by time, a JOINED before a LEFT at the same instant
                .toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        Instant lastEvidence = sorted.get(sorted.size() - 1).at();
        // Each connection's list stays sorted; the events without one share the empty key.
        Map<Optional<String>, List<AttendanceFact>> byConnection = sorted.stream()
                .collect(Collectors.groupingBy(fact -> Optional.ofNullable(fact.connectionId())));
        List<TimeRange> intervals = new ArrayList<>();
        byConnection.forEach((connection, own) ->
                count(own, connection.isPresent() ? lastEvidence : endsAt, intervals));
        return intervals;
    }

    /** Adds the intervals while the JOINED/LEFT count of sorted {@code facts} is above zero, one still open until {@code openUntil}. */
    private static void count(List<AttendanceFact> facts, Instant openUntil, List<TimeRange> intervals) {
        int count = 0;
        Instant openedAt = null;
        for (AttendanceFact fact : facts) {
            if (fact.type() == AttendanceType.JOINED) {
                if (count++ == 0) {
                    openedAt = fact.at();
                }
            } else if (count > 0 && --count == 0) { // a LEFT with nobody present proves nothing: ignored
                intervals.add(new TimeRange(openedAt, fact.at()));
            }
        }
        if (count > 0 && openedAt.isBefore(openUntil)) {
            intervals.add(new TimeRange(openedAt, openUntil));
        }
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
