package dev.accrue.ingest.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.attendance.BatchResult;
import dev.accrue.ingest.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class BatchResultSerializerTest {

    @Test
    void writesExactlyWhatTheDefaultRecordSerializationWrites() {
        BatchResult result = new BatchResult(1, 2, List.of(
                new BatchResult.Item(0, "e-1", BatchResult.ACCEPTED, List.of()),
                new BatchResult.Item(1, null, BatchResult.MALFORMED, List.of(new FieldError("[1]", "must be a JSON object"))),
                new BatchResult.Item(2, "e-\"3\"\u00e9", BatchResult.INVALID, List.of(new FieldError("type", "must be one of [JOINED]"),
                        new FieldError("occurredAt", "is required")))));
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper custom = JsonMapper.builder()
                .addModule(new SimpleModule().addSerializer(BatchResult.class, new BatchResultSerializer())).build();

        assertThat(custom.writeValueAsString(result)).isEqualTo(plain.writeValueAsString(result));
    }
}
