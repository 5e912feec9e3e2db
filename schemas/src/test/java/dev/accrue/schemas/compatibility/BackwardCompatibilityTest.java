package dev.accrue.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.AttendanceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

class BackwardCompatibilityTest {

    private static final Schema RELEASED = AttendanceEvent.getClassSchema();

    @Test
    void aNewRequiredFieldWithoutDefaultIsRejected() {
        Schema changed = changeFields(fields -> append(fields, new Field("room", Schema.create(Schema.Type.STRING), "Room.")));

        assertThat(BackwardCompatibility.problems(changed, RELEASED))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("room");
    }

    @Test
    void aNewOptionalFieldWithDefaultIsAccepted() {
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        Schema changed = changeFields(fields -> append(fields, new Field("room", optionalString, "Room.", JsonProperties.NULL_VALUE)));

        assertThat(BackwardCompatibility.problems(changed, RELEASED)).isEmpty();
    }

    @Test
    void changingAFieldTypeIsRejected() {
        Schema changed = changeFields(fields -> fields.stream()
                .map(f -> f.name().equals("eventId") ? new Field(f, Schema.create(Schema.Type.INT)) : f)
                .toList());

        assertThat(BackwardCompatibility.problems(changed, RELEASED))
                .anySatisfy(p -> assertThat(p).contains("TYPE_MISMATCH").contains("eventId"));
    }

    @Test
    void theReleasedSchemaIsCompatibleWithItself() {
        assertThat(BackwardCompatibility.problems(RELEASED, RELEASED)).isEmpty();
    }

    private static Schema changeFields(UnaryOperator<List<Field>> change) {
        List<Field> copies = RELEASED.getFields().stream().map(f -> new Field(f, f.schema())).toList();
        return Schema.createRecord(RELEASED.getName(), RELEASED.getDoc(), RELEASED.getNamespace(), false,
                change.apply(copies));
    }

    private static List<Field> append(List<Field> fields, Field extra) {
        List<Field> all = new ArrayList<>(fields);
        all.add(extra);
        return all;
    }
}
