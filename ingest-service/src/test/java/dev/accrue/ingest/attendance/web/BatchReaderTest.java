package dev.accrue.ingest.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.attendance.AttendanceInput;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.web.BatchReader;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import dev.accrue.ingest.validation.FieldError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

class BatchReaderTest {

    final BatchReader<AttendanceInput> reader = new BatchReader(JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(), 3, 200,
            "events", AttendanceItemReader::read);

    @Test
    void anItemIsReadIntoAnInputWithNullMeaningAbsent() {
        List<BatchItem<AttendanceInput>> items = array("""
                [{"eventId":"e-1","sessionId":"s-1","licenseeId":"lic-1","type":"SELF_STUDY_COMPLETED",
                  "occurredAt":"2025-03-01T09:00:00Z","score":88.5},
                 {"type":"JOINED","score":null,"eventId":"e-2","occurredAt":null}]""");

        assertThat(items).containsExactly(
                new BatchItem.Parsed<>(0, new AttendanceInput("e-1", "s-1", "lic-1", "SELF_STUDY_COMPLETED", "2025-03-01T09:00:00Z", 88.5, null)),
                new BatchItem.Parsed<>(1, new AttendanceInput("e-2", null, null, "JOINED", null, null, null)));
    }

    @Test
    void everyWrongShapedFieldOfAnItemIsReportedAndTheNextItemIsStillRead() {
        List<BatchItem<AttendanceInput>> items = array("""
                [{"sessionId":5,"score":"high","colour":{"a":[1,{"b":2}]},"eventId":"e-1","type":true},
                 {"eventId":"e-2","score":90}]""");

        BatchItem.Malformed first = (BatchItem.Malformed) items.get(0);
        assertThat(first.id()).isEqualTo("e-1");
        assertThat(first.errors()).containsExactly(new FieldError("sessionId", "must be a string"),
                new FieldError("score", "must be a number"),
                new FieldError("colour", "is not a known field; known fields are [connectionId, eventId, licenseeId, occurredAt, score, sessionId, type]"),
                new FieldError("type", "must be a string"));
        assertThat(items.get(1)).isEqualTo(new BatchItem.Parsed<>(1, new AttendanceInput("e-2", null, null, null, null, 90.0, null)));
    }

    @Test
    void aRepeatedFieldRejectsOnlyItsItem() {
        List<BatchItem<AttendanceInput>> items = array("[{\"eventId\":\"e-1\",\"type\":\"JOINED\",\"type\":\"LEFT\"},{\"eventId\":\"e-2\"}]");

        assertThat(items.get(0)).isEqualTo(new BatchItem.Malformed<>(0, "e-1", List.of(new FieldError("type", "is given more than once"))));
        assertThat(items.get(1)).isInstanceOf(BatchItem.Parsed.class);
    }

    @Test
    void anItemThatIsNotAnObjectIsMalformed() {
        List<BatchItem<AttendanceInput>> items = array("[5, [1, [2]], \"e-1\"]");

        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2);
        assertThat(items).allSatisfy(item -> assertThat(((BatchItem.Malformed<AttendanceInput>) item).errors().get(0).message())
                .isEqualTo("must be a JSON object"));
    }

    @Test
    void brokenSyntaxInAnArrayRejectsTheWholeBody() {
        assertThatThrownBy(() -> array("[{\"eventId\":\"e-1\"}, {\"eventId\": ]"))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("nothing was stored");
        assertThatThrownBy(() -> array("[{\"eventId\":\"e-1\"}] {}"))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("content after its JSON array");
    }

    @Test
    void moreItemsThanTheLimitIs413() {
        assertThatThrownBy(() -> array("[{},{},{},{}]")).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 3 events");
    }

    @Test
    void inNdjsonOnlyTheBadLineIsRejected() {
        List<BatchItem<AttendanceInput>> items = reader.readNdjson(body("""
                {"eventId":"e-1"}
                {"eventId": broken

                {"eventId":"e-3"} {"eventId":"e-4"}
                """));

        assertThat(items.get(0)).isEqualTo(new BatchItem.Parsed<>(0, new AttendanceInput("e-1", null, null, null, null, null, null)));
        assertThat(((BatchItem.Malformed<AttendanceInput>) items.get(1)).errors().get(0).message()).startsWith("is not valid JSON at line 1");
        assertThat(((BatchItem.Malformed<AttendanceInput>) items.get(2)).errors().get(0).message()).contains("one item per line");
    }

    @Test
    void anNdjsonBodyMayStartWithAByteOrderMark() {
        List<BatchItem<AttendanceInput>> items = reader.readNdjson(body("\uFEFF{\"eventId\":\"e-1\"}\n{\"eventId\":\"e-2\"}\n"));

        assertThat(items).containsExactly(new BatchItem.Parsed<>(0, new AttendanceInput("e-1", null, null, null, null, null, null)),
                new BatchItem.Parsed<>(1, new AttendanceInput("e-2", null, null, null, null, null, null)));
    }

    private List<BatchItem<AttendanceInput>> array(String json) {
        return reader.readArray(body(json));
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
