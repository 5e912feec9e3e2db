package dev.accrue.credit.attendance;

import dev.accrue.credit.attendance.PendingAttendance.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happens to attendance whose licensee or session is not known yet: providers create a licensee or session
 * and post attendance for it at once, and the profile or session may reach this service a little later, so such
 * an event is held (bounded) rather than rejected. {@link #hold} gives the rules.
 */
public record UnknownReferencePolicy(Duration maxWait, int limit, int taskLimit) {

    public UnknownReferencePolicy {
        if (maxWait.isNegative() || limit < 1 || taskLimit < 1) {
            throw new IllegalArgumentException("The wait must not be negative and the limits must be at least 1");
        }
    }

    /** The outcome of holding one event. */
    public sealed interface Decision {

        record Held(PendingAttendance next) implements Decision {
        }

        record AlreadyHeld() implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }

    /** A held event given up on, and why. */
    public record Expired(Pending pending, String reason) {
    }

    /** Held events split by what to do with them now; {@code remaining} is the new pending list. */
    public record Release(List<Pending> ready, List<Expired> expired, PendingAttendance remaining) {

        public boolean changed() {
            return !ready.isEmpty() || !expired.isEmpty();
        }
    }

    /**
     * Holds {@code candidate}, whose reference {@code unknown} describes (e.g. "Unknown licensee 'x'"),
     * while {@code heldInTask} events are held in its task already (the licensee's among them).
     *
     * <ul>
     *   <li>It waits in its licensee's pending list, oldest first, at most {@code limit} events per
     *       licensee and {@code taskLimit} events in one task (one partition of attendance) in total, so a
     *       flood of events for many unknown licensees cannot grow without bound; one more is refused at
     *       once, with the reason.</li>
     *   <li>An event id that is already held for the same session is the same event again and changes nothing
     *       (ids are the provider's own, so they are compared only within one provider's session).</li>
     *   <li>As soon as both its licensee and its session are known it is released, to be credited.</li>
     *   <li>One still unknown after {@code maxWait} is rejected, with a reason that says how long it waited.</li>
     * </ul>
     */
    public Decision hold(PendingAttendance pending, Pending candidate, String unknown, int heldInTask) {
        if (pending.holds(candidate.attendance())) {
            return new Decision.AlreadyHeld();
        }
        if (pending.size() >= limit) {
            return new Decision.Refused(unknown + "; " + limit + " events of this licensee already wait for an unknown"
                    + " licensee or session, the most one licensee may hold");
        }
        if (heldInTask >= taskLimit) {
            return new Decision.Refused(unknown + "; " + taskLimit + " events already wait for an unknown licensee or"
                    + " session in this partition of attendance, the most it may hold");
        }
        return new Decision.Held(pending.with(candidate));
    }

    /**
     * Splits the held events: those whose references are all known now ({@code unknown} answers
     * empty) are ready, in arrival order; those still unknown after the wait have expired; the rest
     * keep waiting.
     */
    public Release release(PendingAttendance pending, Function<Attendance, Optional<String>> unknown, Instant now) {
        List<Pending> ready = new ArrayList<>();
        List<Expired> expired = new ArrayList<>();
        for (Pending held : pending.events()) {
            Optional<String> missing = unknown.apply(held.attendance());
            Duration waited = Duration.between(held.heldSince(), now);
            if (missing.isEmpty()) {
                ready.add(held);
            } else if (waited.compareTo(maxWait) >= 0) {
                expired.add(new Expired(held, missing.get() + ", still unknown after waiting " + describe(waited)));
            }
        }
        List<Pending> gone = new ArrayList<>(ready);
        expired.forEach(e -> gone.add(e.pending()));
        return new Release(ready, expired, pending.without(gone));
    }

    /** A duration as people write it: "10m", "10m 2s", "1h 0m 5s", "750ms". */
    static String describe(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return Math.max(0, duration.toMillis()) + "ms";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            return hours + "h " + minutes + "m" + (seconds > 0 ? " " + seconds + "s" : "");
        }
        if (minutes > 0) {
            return minutes + "m" + (seconds > 0 ? " " + seconds + "s" : "");
        }
        return seconds + "s";
    }
}
