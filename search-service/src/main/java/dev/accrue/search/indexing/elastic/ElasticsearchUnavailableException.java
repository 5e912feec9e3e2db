package dev.accrue.search.indexing.elastic;

/** Elasticsearch did not take a batch (down, overloaded or too slow); the batch is retried with backoff. */
public class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ElasticsearchUnavailableException(String message) {
        super(message);
    }
}
