package dev.accrue.schemas.serde;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.AttendanceType;
import java.time.Instant;

final class Fixtures {

    static AttendanceEvent attendance(String eventId) {
        return AttendanceEvent.newBuilder()
                .setEventId(eventId)
                .setSessionId("s-1")
                .setLicenseeId("l-1")
                .setType(AttendanceType.JOINED)
                .setOccurredAt(Instant.parse("2026-03-01T15:00:00Z"))
                .setSource(AttendanceSource.API)
                .setReceivedAt(Instant.parse("2026-03-01T15:00:01Z"))
                .build();
    }

    private Fixtures() {
    }
}
