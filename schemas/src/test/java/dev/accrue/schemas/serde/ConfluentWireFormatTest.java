package dev.accrue.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.events.AttendanceEvent;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Checks the bytes against the Confluent wire format, with an in-memory registry standing in for HTTP. */
class ConfluentWireFormatTest {

    private final InMemoryRegistry registry = new InMemoryRegistry(42);
    private final Map<String, Object> configs = Map.of(RegistryConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid");

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenAvroBinary() throws Exception {
        AttendanceEvent event = Fixtures.attendance("e-1");

        byte[] bytes = new ConfluentAvroSerializer<AttendanceEvent>(registry, configs, false).serialize("attendance", event);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 0, 42);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(event));
    }

    @Test
    void registersTheSchemaUnderTheTopicValueSubject() {
        new ConfluentAvroSerializer<AttendanceEvent>(registry, configs, false).serialize("attendance", Fixtures.attendance("e-1"));
        new ConfluentAvroSerializer<AttendanceEvent>(registry, configs, true).serialize("attendance", Fixtures.attendance("e-1"));

        assertThat(registry.subjects).containsExactlyInAnyOrder("attendance-value", "attendance-key");
    }

    @Test
    void readsBackWhatItWrote() {
        AttendanceEvent event = Fixtures.attendance("e-1");
        byte[] bytes = new ConfluentAvroSerializer<AttendanceEvent>(registry, configs, false).serialize("attendance", event);

        AttendanceEvent read = new ConfluentAvroDeserializer<>(registry, AttendanceEvent.class).deserialize("attendance", bytes);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void keepsTombstonesAsNull() {
        assertThat(new ConfluentAvroSerializer<AttendanceEvent>(registry, configs, false).serialize("t", null)).isNull();
        assertThat(new ConfluentAvroDeserializer<>(registry, AttendanceEvent.class).deserialize("t", null)).isNull();
    }

    @Test
    void rejectsBytesThatAreNotInTheWireFormat() {
        var deserializer = new ConfluentAvroDeserializer<>(registry, AttendanceEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 42, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    private static byte[] plainAvro(AttendanceEvent event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<AttendanceEvent>(AttendanceEvent.getClassSchema()).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Pure-logic stand-in: one fixed id for every schema. The HTTP client is tested against a real registry. */
    private static final class InMemoryRegistry implements SchemaRegistry {
        private final int id;
        private final java.util.Set<String> subjects = new java.util.HashSet<>();
        private final Map<Integer, Schema> schemas = new HashMap<>();

        InMemoryRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            subjects.add(subject);
            schemas.put(id, schema);
            return id;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return register(subject, schema);
        }

        @Override
        public RegisteredSchema latest(String subject) {
            return new RegisteredSchema(id, schemas.get(id));
        }

        @Override
        public Schema byId(int schemaId) {
            return schemas.get(schemaId);
        }
    }
}
