package dev.accrue.ingest.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.GeneratedStream;
import dev.accrue.ingest.attendance.AttendanceInput;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** NDJSON batches are read line by line with each line bounded, and the item limit is enforced as items arrive. */
class NdjsonStreamingTest {

    final BatchReader<AttendanceInput> reader = new BatchReader<>(JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(),
            1_000, 65536, "events", AttendanceItemReader::read);

    @Test
    void aLineOverTheLimitIsRejectedAloneAndTheNextLineIsStillRead() {
        var body = new GeneratedStream("{\"eventId\":\"", "x", 7L * 1024 * 1024, "\"}\r\n{\"eventId\":\"e-2\"}\n", () -> { });

        List<BatchItem<AttendanceInput>> items = reader.readNdjson(body);

        assertThat(((BatchItem.Malformed<AttendanceInput>) items.get(0)).errors().get(0).message())
                .contains("longer than 65536 characters (accrue.ingest.limits.line-length)");
        assertThat(items.get(1)).isEqualTo(new BatchItem.Parsed<>(1, new AttendanceInput("e-2", null, null, null, null, null, null)));
    }

    @Test
    void blankLinesCostNothingAndCountForNothing() {
        var body = new GeneratedStream("", "\n", 8L * 1024 * 1024, "{\"eventId\":\"e-1\"}", () -> { });

        assertThat(reader.readNdjson(body)).containsExactly(
                new BatchItem.Parsed<>(0, new AttendanceInput("e-1", null, null, null, null, null, null)));
    }

    @Test
    void itemsPastTheLimitAreRefusedWithoutReadingTheRest() {
        var body = new GeneratedStream("", "{\"eventId\":\"e-1\"}\n", 400_000, "", () -> { });

        assertThatThrownBy(() -> reader.readNdjson(body)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 1000 events");
        assertThat(body.bytesRead()).isLessThan(128 * 1024);
    }

    @Test
    void aJsonArrayIsAlsoRefusedAtTheFirstItemPastTheLimit() {
        var body = new GeneratedStream("[", "{\"eventId\":\"e-1\"},", 400_000, "{}]", () -> { });

        assertThatThrownBy(() -> reader.readArray(body)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(body.bytesRead()).isLessThan(128 * 1024);
    }
}
