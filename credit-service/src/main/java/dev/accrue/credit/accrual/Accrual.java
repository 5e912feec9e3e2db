package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.certificate.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one licensee in one session: the distinct attendance events (by event
 * id), when the last one arrived, whether credit is final, the latest revision of each award and
 * the latest certificate (null before the first).
 */
public record Accrual(String licenseeId, String sessionId, List<Attendance> events, Instant lastAttendanceAt,
                      boolean finalized, Map<ApprovalBody, Award> awards, Certificate certificate) {

    public Accrual {
        events = List.copyOf(events);
        awards = Map.copyOf(awards);
    }

    public static Accrual empty(String licenseeId, String sessionId) {
        return new Accrual(licenseeId, sessionId, List.of(), null, false, Map.of(), null);
    }

    public boolean hasSeen(String eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }
}
