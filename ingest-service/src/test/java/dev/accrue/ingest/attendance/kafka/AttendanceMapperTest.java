package dev.accrue.ingest.attendance.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendanceSource;
import dev.accrue.ingest.attendance.AttendanceType;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AttendanceMapperTest {

    @Test
    void everyKindOfEventSurvivesTheRoundTripThroughAvro() {
        for (AttendanceType type : AttendanceType.values()) {
            for (AttendanceSource source : AttendanceSource.values()) {
                AttendanceEvent event = new AttendanceEvent("e-1", "s-1", "lic-1", type, Instant.parse("2025-03-01T17:00:00Z"),
                        type == AttendanceType.SELF_STUDY_COMPLETED ? 88.5 : null,
                        type == AttendanceType.SELF_STUDY_COMPLETED ? null : "zoom-row-1", source,
                        Instant.parse("2025-03-01T17:00:01.250Z"));

                assertThat(AttendanceMapper.fromAvro(AttendanceMapper.toAvro(event))).isEqualTo(event);
            }
        }
    }

    @Test
    void everyDomainConstantHasAnAvroSymbolOfTheSameName() {
        // The mapper resolves these once in a static initialiser: a gap there would fail every publish.
        assertThat(names(dev.accrue.events.AttendanceType.values())).containsAll(Arrays.asList(names(AttendanceType.values())));
        assertThat(names(dev.accrue.events.AttendanceSource.values()))
                .containsAll(Arrays.asList(names(AttendanceSource.values())));
    }

    private static String[] names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }
}
