package dev.accrue.schemas.serde;

import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry API that the serdes need. */
public interface SchemaRegistry {

    /** Registers the schema under the subject (or finds it registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject. */
    int lookup(String subject, Schema schema);

    /** Returns the newest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** Returns the schema with the given global id. */
    Schema byId(int id);

    record RegisteredSchema(int id, Schema schema) {
    }
}
