package dev.accrue.ingest.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    static final Instant AT = Instant.parse("2025-03-01T17:00:00Z");

    @Test
    void theSameContentAlwaysGivesTheSameId() {
        assertThat(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, null))
                .isEqualTo(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, Instant.parse("2025-03-01T09:00:00-08:00"), null));
    }

    @Test
    void anyDifferenceInContentGivesAnotherId() {
        String id = EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, null);

        assertThat(id)
                .isNotEqualTo(EventIds.derive("s-2", "lic-1", AttendanceType.JOINED, AT, null))
                .isNotEqualTo(EventIds.derive("s-1", "lic-2", AttendanceType.JOINED, AT, null))
                .isNotEqualTo(EventIds.derive("s-1", "lic-1", AttendanceType.LEFT, AT, null))
                .isNotEqualTo(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT.plusSeconds(1), null));
    }

    @Test
    void withoutAConnectionTheIdIsTheOneEarlierImportsDerived() {
        // Fixed when ids were first derived: a re-import after connections existed must not look new.
        assertThat(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, null))
                .isEqualTo("b84bb0ba-204d-5c16-ad40-89deb61e3b1b");
    }

    @Test
    void twoConnectionsJoiningInTheSameInstantGetTwoIds() {
        assertThat(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, "laptop"))
                .isNotEqualTo(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, "phone"))
                .isNotEqualTo(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, null));
    }

    @Test
    void aZoomRowsConnectionDependsOnWhoAndBothTimesButNotOnEmailCase() {
        String connection = EventIds.connection("jane.doe@example.org", AT, AT.plusSeconds(600));

        assertThat(connection)
                .isEqualTo(EventIds.connection("Jane.Doe@Example.org", AT, AT.plusSeconds(600)))
                .isNotEqualTo(EventIds.connection("bob@example.org", AT, AT.plusSeconds(600)))
                .isNotEqualTo(EventIds.connection("jane.doe@example.org", AT, AT.plusSeconds(601)))
                .isNotEqualTo(EventIds.connection("jane.doe@example.org", AT.plusSeconds(1), AT.plusSeconds(600)));
    }

    @Test
    void idsAreVersion5UuidsAsRfc9562DefinesThem() {
        // RFC 9562's worked example: the DNS namespace and the name "www.example.com".
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventIds.nameBased(dns, "www.example.com")).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        assertThat(UUID.fromString(EventIds.derive("s-1", "lic-1", AttendanceType.JOINED, AT, null)).version()).isEqualTo(5);
    }
}
