package dev.accrue.ingest.attendance.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendanceSource;
import dev.accrue.ingest.attendance.AttendanceType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttendanceMapperTest {

    @Test
    void everyKindOfEventSurvivesTheRoundTripThroughAvro() {
        for (AttendanceType type : AttendanceType.values()) {
            for (AttendanceSource source : AttendanceSource.values()) {
                AttendanceEvent event = new AttendanceEvent("e-1", "s-1", "lic-1", type, Instant.parse("2025-03-01T17:00:00Z"),
                        type == AttendanceType.SELF_STUDY_COMPLETED ? 88.5 : null, source, Instant.parse("2025-03-01T17:00:01.250Z"));

                assertThat(AttendanceMapper.fromAvro(AttendanceMapper.toAvro(event))).isEqualTo(event);
            }
        }
    }
}
