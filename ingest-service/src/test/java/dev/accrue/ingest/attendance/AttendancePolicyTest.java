package dev.accrue.ingest.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttendancePolicyTest {

    static final Instant NOW = Instant.parse("2025-03-02T00:00:00Z");

    @Test
    void aValidEventKeepsItsIdAndInstant() {
        AttendanceEvent event = AttendancePolicy.validate(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED",
                "2025-03-01T09:00:00-08:00", null, null), AttendanceSource.API, NOW);

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T17:00:00Z"));
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.source()).isEqualTo(AttendanceSource.API);
    }

    @Test
    void aScoreBelongsOnlyToSelfStudyCompletion() {
        assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "LEFT", "2025-03-01T09:00:00Z", 80.0, null)))
                .extracting(FieldError::field).containsExactly("score");
        assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "SELF_STUDY_COMPLETED", "2025-03-01T09:00:00Z", 101.0, null)))
                .extracting(FieldError::field).containsExactly("score");
    }

    @Test
    void eventsFromTheFutureAndWithoutOffsetAreRefused() {
        assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED", "2025-03-02T00:10:00Z", null, null)))
                .extracting(FieldError::field).containsExactly("occurredAt");
        assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED", "2025-03-01 09:00", null, null)))
                .extracting(FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void aConnectionIdIsKeptAndIsOptional() {
        AttendanceEvent laptop = AttendancePolicy.validate(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED",
                "2025-03-01T09:00:00Z", null, "zoom:laptop-1"), AttendanceSource.API, NOW);
        AttendanceEvent none = AttendancePolicy.validate(new AttendanceInput("e-2", "s-1", "lic-1", "LEFT",
                "2025-03-01T10:00:00Z", null, null), AttendanceSource.API, NOW);

        assertThat(laptop.connectionId()).isEqualTo("zoom:laptop-1");
        assertThat(none.connectionId()).isNull();
    }

    @Test
    void aConnectionIdFollowsTheIdSyntaxAndBelongsOnlyToJoinedAndLeft() {
        for (String bad : new String[] {"", "has space", "-leading-dash", "x".repeat(129), "laptop\n"}) {
            assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED", "2025-03-01T09:00:00Z", null, bad)))
                    .as("connectionId '%s'", bad).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("connectionId");
                        assertThat(error.message()).contains("1 to 128 characters");
                    });
        }
        assertThat(errors(new AttendanceInput("e-1", "s-1", "lic-1", "SELF_STUDY_COMPLETED", "2025-03-01T09:00:00Z",
                90.0, "laptop"))).containsExactly(new FieldError("connectionId", "is only for JOINED and LEFT events"));
    }

    @Test
    void missingFieldsAreEachReported() {
        assertThat(errors(new AttendanceInput(null, null, null, null, null, null, null))).extracting(FieldError::field)
                .containsExactly("eventId", "sessionId", "licenseeId", "type", "occurredAt");
    }

    @Test
    void theTypeMustSuitTheSessionFormat() {
        AttendanceEvent joined = AttendancePolicy.validate(new AttendanceInput("e-1", "s-1", "lic-1", "JOINED",
                "2025-03-01T09:00:00Z", null, null), AttendanceSource.API, NOW);
        AttendanceEvent completed = AttendancePolicy.validate(new AttendanceInput("e-2", "s-1", "lic-1",
                "SELF_STUDY_COMPLETED", "2025-03-01T09:00:00Z", 90.0, null), AttendanceSource.API, NOW);
        KnownSession live = new KnownSession("s-1", "acme", Format.LIVE_WEBINAR, "UTC");
        KnownSession selfStudy = new KnownSession("s-1", "acme", Format.SELF_STUDY, null);

        assertThat(AttendancePolicy.checkAgainst(joined, live)).isEmpty();
        assertThat(AttendancePolicy.checkAgainst(completed, selfStudy)).isEmpty();
        assertThat(AttendancePolicy.checkAgainst(joined, selfStudy)).extracting(FieldError::field).containsExactly("type");
        assertThat(AttendancePolicy.checkAgainst(completed, live)).extracting(FieldError::field).containsExactly("type");
    }

    private static java.util.List<FieldError> errors(AttendanceInput input) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> AttendancePolicy.validate(input, AttendanceSource.API, NOW)).errors();
    }
}
