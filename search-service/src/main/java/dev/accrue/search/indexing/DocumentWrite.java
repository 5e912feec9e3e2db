package dev.accrue.search.indexing;

import java.util.OptionalLong;

/**
 * One change to the index that a Kafka record asks for. A write with an external version replaces
 * the stored document only when its version is higher (Elasticsearch {@code version_type=external}),
 * so a replay or an older revision changes nothing.
 */
public sealed interface DocumentWrite {

    String index();

    String id();

    /** The version the write carries with {@code version_type=external}; empty for a delete or an unversioned put. */
    OptionalLong externalVersion();

    /** The document the write is for: its index and id together. */
    default String documentKey() {
        return index() + "/" + id();
    }

    /** Stores the document under the id, replacing any older version. */
    record Put(String index, String id, OptionalLong externalVersion, Object document) implements DocumentWrite {
    }

    /** Removes the document (a tombstone on a compacted topic). */
    record Delete(String index, String id) implements DocumentWrite {

        @Override
        public OptionalLong externalVersion() {
            return OptionalLong.empty();
        }
    }
}
