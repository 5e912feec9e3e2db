package dev.accrue.search.indexing;

/**
 * What Elasticsearch's answer to one bulk item means for the Kafka record behind it: written (also a
 * replay that finds its revision already there), retry later, or rejected for good (dead-letter it).
 */
public enum WriteOutcome {
    WRITTEN, RETRY, REJECTED;

    public static WriteOutcome of(int status, boolean delete) {
        if (status >= 200 && status < 300) {
            return WRITTEN;
        }
        // 409 on an externally versioned write: the index already holds this or a newer revision, which is what a
        // replay should find. 404 on a delete: already gone.
        if (status == 409 || (delete && status == 404)) {
            return WRITTEN;
        }
        // 429, 5xx, or no answer at all (0): Elasticsearch is overloaded or down; the record is fine, try again later.
        if (status == 429 || status >= 500 || status <= 0) {
            return RETRY;
        }
        // Any other 4xx (a mapping or parsing rejection): retrying can never help.
        return REJECTED;
    }
}
