package dev.accrue.credit.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One licensee's attendance that arrived before its licensee profile or its session was known,
 * oldest first. Each entry keeps when it was first held and where its record was read, so it can
 * be credited later, or rejected after the wait with the original record's position.
 */
public record PendingAttendance(String licenseeId, List<Pending> events) {

    /** Where an attendance record was read (topic, partition, offset): a late rejection still names it. */
    public record Origin(String topic, int partition, long offset) {
    }

    public record Pending(Attendance attendance, Instant heldSince, Origin origin) {
    }

    public PendingAttendance {
        events = List.copyOf(events);
    }

    public static PendingAttendance none(String licenseeId) {
        return new PendingAttendance(licenseeId, List.of());
    }

    public boolean holdsNone() {
        return events.isEmpty();
    }

    public int size() {
        return events.size();
    }

    /**
     * Whether this event is held already: the same event id in the same session. A provider chooses its event ids
     * and a licensee attends many providers' sessions, so an id alone could match another provider's event; a
     * session belongs to one provider, so (session, id) cannot.
     */
    public boolean holds(Attendance attendance) {
        return events.stream().anyMatch(p -> p.attendance().sessionId().equals(attendance.sessionId())
                && p.attendance().eventId().equals(attendance.eventId()));
    }

    PendingAttendance with(Pending pending) {
        List<Pending> next = new ArrayList<>(events);
        next.add(pending);
        return new PendingAttendance(licenseeId, next);
    }

    PendingAttendance without(Collection<Pending> gone) {
        List<Pending> next = new ArrayList<>(events);
        next.removeAll(gone);
        return new PendingAttendance(licenseeId, next);
    }
}
