package dev.accrue.ingest.attendance.kafka;

import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendanceSource;
import dev.accrue.ingest.attendance.AttendanceType;

/** Translates attendance events between the domain and the Avro contract. */
final class AttendanceMapper {

    static dev.accrue.events.AttendanceEvent toAvro(AttendanceEvent e) {
        // The all-arguments constructor, not the builder: this runs for every event of every batch.
        return new dev.accrue.events.AttendanceEvent(e.eventId(), e.sessionId(), e.licenseeId(),
                dev.accrue.events.AttendanceType.valueOf(e.type().name()), e.occurredAt(), e.score(),
                dev.accrue.events.AttendanceSource.valueOf(e.source().name()), e.receivedAt());
    }

    static AttendanceEvent fromAvro(dev.accrue.events.AttendanceEvent a) {
        return new AttendanceEvent(a.getEventId(), a.getSessionId(), a.getLicenseeId(),
                AttendanceType.valueOf(a.getType().name()), a.getOccurredAt(), a.getScore(),
                AttendanceSource.valueOf(a.getSource().name()), a.getReceivedAt());
    }

    private AttendanceMapper() {
    }
}
