package dev.accrue.schemas.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * No registry could be reached, or it failed on its side (5xx). Extends Kafka's
 * {@link RetriableException} so callers can tell "try again later" from a bad record.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
