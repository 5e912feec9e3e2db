package dev.accrue.ingest.attendance;

import java.util.List;

/**
 * Stores attendance events durably, keyed by licensee. Returns only once the broker has
 * acknowledged every event, and throws {@link dev.accrue.ingest.errors.UnavailableException}
 * otherwise (then some events may be stored and some not; resending with the same event ids is safe).
 */
public interface AttendancePublisher {

    void publishAll(List<AttendanceEvent> events);
}
