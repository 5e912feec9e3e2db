package dev.accrue.ingest.batch.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class BatchResultSerializerTest {

    /** The attendance batch's answer as it always read: the item id under eventId. */
    record AttendanceAnswer(int accepted, int rejected, List<AttendanceItem> results) {
    }

    record AttendanceItem(int index, String eventId, int status, List<FieldError> errors) {
    }

    @Test
    void writesExactlyWhatTheDefaultRecordSerializationWritesForTheSameShape() {
        List<BatchResult.Item> items = List.of(
                new BatchResult.Item(0, "e-1", BatchResult.ACCEPTED, List.of()),
                new BatchResult.Item(1, null, BatchResult.MALFORMED, List.of(new FieldError("[1]", "must be a JSON object"))),
                new BatchResult.Item(2, "e-\"3\"\u00e9", BatchResult.INVALID, List.of(new FieldError("type", "must be one of [JOINED]"),
                        new FieldError("occurredAt", "is required"))));
        BatchResult result = BatchResult.of("eventId", items);
        AttendanceAnswer expected = new AttendanceAnswer(1, 2, items.stream()
                .map(i -> new AttendanceItem(i.index(), i.id(), i.status(), i.errors())).toList());
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper custom = JsonMapper.builder()
                .addModule(new SimpleModule().addSerializer(BatchResult.class, new BatchResultSerializer())).build();

        assertThat(custom.writeValueAsString(result)).isEqualTo(plain.writeValueAsString(expected));
    }

    @Test
    void namesEachItemsIdAsTheBatchSays() {
        JsonMapper custom = JsonMapper.builder()
                .addModule(new SimpleModule().addSerializer(BatchResult.class, new BatchResultSerializer())).build();

        assertThat(custom.writeValueAsString(BatchResult.of("licenseeId",
                List.of(new BatchResult.Item(0, "lic-1", BatchResult.STORED, List.of())))))
                .isEqualTo("{\"accepted\":1,\"rejected\":0,\"results\":[{\"index\":0,\"licenseeId\":\"lic-1\",\"status\":200,\"errors\":[]}]}");
    }
}
