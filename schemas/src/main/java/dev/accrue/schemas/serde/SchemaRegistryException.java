package dev.accrue.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The registry answered, but refused the request (unknown subject, incompatible schema...). Not retriable. */
public class SchemaRegistryException extends SerializationException {

    private final int httpStatus;

    public SchemaRegistryException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
