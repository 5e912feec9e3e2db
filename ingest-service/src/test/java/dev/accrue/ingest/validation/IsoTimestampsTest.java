package dev.accrue.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T09:00:00Z", "2025-03-01T09:00:00-08:00", "2025-03-01T09:00:00+05:30",
            "2025-03-01T23:59:59.5Z", "2025-03-01T09:00:00.123456789+01:00", "2024-02-29T00:00:00-00:00",
            "2025-12-31T23:59:59+18:00", "2025-01-01T00:00:00-18:00"})
    void theCommonFormIsReadByHandExactlyAsTheJdkReadsIt(String value) {
        assertThat(IsoTimestamps.common(value)).isEqualTo(OffsetDateTime.parse(value).toInstant());
        assertThat(IsoTimestamps.parse(value)).isEqualTo(OffsetDateTime.parse(value).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T09:00Z", "2025-03-01t09:00:00z", "2025-03-01T09:00:00+01:00:30",
            "+12025-03-01T09:00:00Z", "2025-03-01T09:00:00.Z"})
    void otherValidFormsFallBackToTheJdk(String value) {
        assertThat(IsoTimestamps.common(value)).isNull();
        assertThat(IsoTimestamps.parse(value)).isEqualTo(OffsetDateTime.parse(value).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T09:00:00Z", "2025-13-01T09:00:00Z", "2025-03-01T24:00:00Z", "2025-03-01T09:60:00Z",
            "2025-03-01T09:00:00+19:00", "2025-03-01T09:00:00+05:60", "2025-03-01T09:00:00", "2025-03-01 09:00:00Z",
            "2025-03-01T09:00:00.1234567890Z", "2025-0a-01T09:00:00Z", "2025-03-01T09:00:00Z ", "not a time"})
    void invalidValuesFailAsTheJdkFails(String value) {
        assertThat(IsoTimestamps.common(value)).isNull();
        assertThatThrownBy(() -> OffsetDateTime.parse(value)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimestamps.parse(value)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T09:00:00-08:00"})
    void anOffsetIsAppliedToTheInstant(String value) {
        assertThat(IsoTimestamps.parse(value)).isEqualTo(Instant.parse("2025-03-01T17:00:00Z"));
    }
}
