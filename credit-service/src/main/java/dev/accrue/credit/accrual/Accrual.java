package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.certificate.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one licensee in one session: the distinct attendance facts, sorted (not
 * the events: credit depends only on the facts, see {@link AttendanceFact}), when the last one
 * arrived, whether credit is final, the latest revision of each approval's award and the latest certificate
 * (null before the first).
 */
public record Accrual(String licenseeId, String sessionId, List<AttendanceFact> facts, Instant lastAttendanceAt,
                      boolean finalized, Map<ApprovalKey, Award> awards, Certificate certificate) {

    public Accrual {
        facts = sortedAndDistinct(facts) ? List.copyOf(facts) : facts.stream().distinct().sorted().toList();
        awards = Map.copyOf(awards);
    }

    public static Accrual empty(String licenseeId, String sessionId) {
        return new Accrual(licenseeId, sessionId, List.of(), null, false, Map.of(), null);
    }

    /** One pass instead of a sort: the codec and {@link #with} always pass sorted, distinct facts. */
    private static boolean sortedAndDistinct(List<AttendanceFact> facts) {
        for (int i = 1; i < facts.size(); i++) {
            if (facts.get(i - 1).compareTo(facts.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    public boolean holds(AttendanceFact fact) {
        return Collections.binarySearch(facts, fact) >= 0;
    }

    /** This accrual with one more fact, received at {@code receivedAt}. */
    Accrual with(AttendanceFact fact, Instant receivedAt) {
        List<AttendanceFact> next = new ArrayList<>(facts);
        int at = Collections.binarySearch(next, fact);
        if (at < 0) {
            next.add(-at - 1, fact);
        }
        return new Accrual(licenseeId, sessionId, next, receivedAt, finalized, awards, certificate);
    }
}
