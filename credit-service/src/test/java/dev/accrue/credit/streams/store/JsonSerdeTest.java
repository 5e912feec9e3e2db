package dev.accrue.credit.streams.store;

import static dev.accrue.credit.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.attendance.PendingAttendance.Origin;
import dev.accrue.credit.attendance.PendingAttendance.Pending;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void heldAttendanceSurvivesTheStoreSerdeWithItsOriginAndOnlyItsComponents() {
        PendingAttendance held = new PendingAttendance(Fixtures.LICENSEE, List.of(new Pending(joined("09:00"),
                Instant.parse("2025-03-10T09:00:01.250Z"), new Origin("accrue.attendance", 2, 1234L))));
        JsonSerde<PendingAttendance> serde = JsonSerde.of(PendingAttendance.class);

        byte[] bytes = serde.serializer().serialize("changelog", held);

        assertThat(serde.deserializer().deserialize("changelog", bytes)).isEqualTo(held);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\"empty\"");
    }
}
