package dev.accrue.credit.attendance;

import java.time.Instant;
import java.util.Comparator;

/**
 * What an attendance event says, without its event id: the type, when, the score of a self-study
 * completion (null otherwise) and the connection of a JOINED or LEFT (null when sent without one).
 * Credit depends only on the set of these, so the same fact sent again, under any event id and by any
 * provider, counts once, while two devices joining in the same instant are two facts. Facts sort by
 * time, a JOINED before a LEFT at the same instant.
 */
public record AttendanceFact(AttendanceType type, Instant at, Double score, String connectionId)
        implements Comparable<AttendanceFact> {

    private static final Comparator<AttendanceFact> ORDER = Comparator.comparing(AttendanceFact::at)
            .thenComparing(AttendanceFact::type)
            .thenComparing(AttendanceFact::score, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AttendanceFact::connectionId, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static AttendanceFact of(Attendance attendance) {
        return new AttendanceFact(attendance.type(), attendance.occurredAt(), attendance.score(),
                attendance.connectionId());
    }

    public boolean isPresence() {
        return type == AttendanceType.JOINED || type == AttendanceType.LEFT;
    }

    @Override
    public int compareTo(AttendanceFact other) {
        return ORDER.compare(this, other);
    }
}
