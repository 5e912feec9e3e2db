package dev.accrue.search.indexing;

import java.util.OptionalLong;

/**
 * One change to the index that a Kafka record asks for. A write with an external version replaces
 * the stored document only when its version is higher (Elasticsearch {@code version_type=external}),
 * so a replay or an older revision changes nothing; one that also replaces an equal version
 * ({@code external_gte}) lets a document be rewritten in place, e.g. completed with its session.
 */
public sealed interface DocumentWrite {

    String index();

    String id();

    /** Stores the document under the id, replacing any older version (and an equal one when {@code replacesEqualVersion}). */
    record Put(String index, String id, OptionalLong externalVersion, boolean replacesEqualVersion, Object document)
            implements DocumentWrite {

        public Put(String index, String id, OptionalLong externalVersion, Object document) {
            this(index, id, externalVersion, false, document);
        }
    }

    /** Removes the document (a tombstone on a compacted topic). */
    record Delete(String index, String id) implements DocumentWrite {
    }
}
