package dev.accrue.credit.streams;

import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import dev.accrue.schemas.serde.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A registry in memory, so topology tests use the real Confluent wire-format serdes without a server. */
final class InMemorySchemaRegistry implements SchemaRegistry, CreditTopology.AvroSerdeFactory {

    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = schemas.indexOf(schema);
        if (id < 0) {
            schemas.add(schema);
            id = schemas.size() - 1;
        }
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        return register(subject, schema);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(id, schemas.get(id));
    }

    @Override
    public synchronized Schema byId(int id) {
        return schemas.get(id);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        return Serdes.serdeFrom(new ConfluentAvroSerializer<>(this, Map.of("schema.registry.url", "http://in-memory"), false),
                new ConfluentAvroDeserializer<>(this, type));
    }
}
