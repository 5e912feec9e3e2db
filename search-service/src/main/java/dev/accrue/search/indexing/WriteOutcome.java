package dev.accrue.search.indexing;

/**
 * What Elasticsearch's answer to one bulk item means for the Kafka record behind it. The rules:
 * <ul>
 *   <li>2xx: written.</li>
 *   <li>409 version conflict on an externally versioned write: the index already holds this or a newer
 *   revision, which is what a replay should find, so it counts as written.</li>
 *   <li>404 on a delete: already gone, also written.</li>
 *   <li>429, 5xx, or no answer at all: Elasticsearch is overloaded or down; retry later, the record is fine.</li>
 *   <li>any other 4xx (mapping or parsing rejection): retrying can never help; dead-letter it.</li>
 * </ul>
 */
public enum WriteOutcome {
    WRITTEN, RETRY, REJECTED;

    public static WriteOutcome of(int status, boolean delete) {
        if (status >= 200 && status < 300) {
            return WRITTEN;
        }
        if (status == 409 || (delete && status == 404)) {
            return WRITTEN;
        }
        if (status == 429 || status >= 500 || status <= 0) {
            return RETRY;
        }
        return REJECTED;
    }
}
