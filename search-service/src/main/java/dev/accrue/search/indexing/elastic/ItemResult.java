package dev.accrue.search.indexing.elastic;

import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.WriteOutcome;

/**
 * Elasticsearch's answer for one write of a bulk request; status 0 means the request got no answer.
 *
 * @param error the error type and reason, for the dead-letter record
 */
public record ItemResult(DocumentWrite write, int status, String error) {

    public WriteOutcome outcome() {
        return WriteOutcome.of(status, write instanceof DocumentWrite.Delete);
    }
}
