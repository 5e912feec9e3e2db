package dev.accrue.credit.streams.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The fast ISO reading gives exactly what Jackson's own deserializers give, and leaves every other shape to them. */
class IsoDatesTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    record Dated(Instant at, LocalDate day) {
    }

    static Stream<Dated> seededValues() {
        Random random = new Random(20251127);
        return Stream.generate(() -> {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            return new Dated(Instant.ofEpochSecond(seconds, nanos), LocalDate.ofEpochDay(seconds / 86_400));
        }).limit(500);
    }

    @ParameterizedTest
    @MethodSource("seededValues")
    void whatTheSerdeWritesReadsBackAsJacksonReadsIt(Dated value) {
        byte[] json = JsonSerde.MAPPER.writeValueAsBytes(value);

        assertThat(JsonSerde.MAPPER.readValue(json, Dated.class)).isEqualTo(value)
                .isEqualTo(JACKSON.readValue(json, Dated.class));
        assertThat(IsoDates.instant(DateTimeFormatter.ISO_INSTANT.format(value.at()))).isEqualTo(value.at());
        assertThat(IsoDates.date(value.day().toString())).isEqualTo(value.day());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-10T09:00:00+01:00", "2025-03-10T09:00Z", "2025-03-10T09:00:00.Z", "+12025-03-10T09:00:00Z",
            "2025-02-30T09:00:00Z", "2025-03-10T24:00:00Z", "2025-03-10T23:59:60Z", "2025-03-10t09:00:00Z",
            "2025-03-10T09:00:00.1234567890Z", "2025-3-10T09:00:00.0Z"})
    void anyOtherShapeIsLeftToJackson(String text) {
        assertThat(IsoDates.instant(text)).isNull();
    }

    @Test
    void otherShapesAndNumbersStillReadAsJacksonReadsThem() {
        String json = "{\"at\":\"2025-03-10T09:00:00+01:00\",\"day\":[2025,3,10]}";
        assertThat(JsonSerde.MAPPER.readValue(json, Dated.class)).isEqualTo(JACKSON.readValue(json, Dated.class))
                .isEqualTo(new Dated(Instant.parse("2025-03-10T08:00:00Z"), LocalDate.of(2025, 3, 10)));
        String numeric = "{\"at\":1741597200.5,\"day\":\"2025-03-10\"}";
        assertThat(JsonSerde.MAPPER.readValue(numeric, Dated.class)).isEqualTo(JACKSON.readValue(numeric, Dated.class));
        assertThat(IsoDates.date("2025-02-29")).isNull();
        assertThat(IsoDates.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
