package dev.accrue.credit.attendance.kafka;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.streams.AvroEnums;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import java.time.Instant;
import java.util.Optional;

/** Maps attendance events between Avro and the domain. An UNKNOWN type maps to empty: the caller rejects it. */
public final class AttendanceMapper {

    public static Optional<Attendance> toDomain(AttendanceEvent event) {
        return AvroEnums.toDomain(event.getType(), AttendanceType.class)
                .map(type -> new Attendance(event.getEventId(), event.getSessionId(), event.getLicenseeId(), type,
                        event.getOccurredAt(), event.getScore(), event.getConnectionId()));
    }

    public static AttendanceEvent toAvro(Attendance attendance, AttendanceSource source, Instant receivedAt) {
        return AttendanceEvent.newBuilder()
                .setEventId(attendance.eventId()).setSessionId(attendance.sessionId())
                .setLicenseeId(attendance.licenseeId())
                .setType(AvroEnums.toAvro(attendance.type(), dev.accrue.events.AttendanceType.class))
                .setOccurredAt(attendance.occurredAt()).setScore(attendance.score())
                .setSource(source).setReceivedAt(receivedAt).setConnectionId(attendance.connectionId())
                .build();
    }

    private AttendanceMapper() {
    }
}
