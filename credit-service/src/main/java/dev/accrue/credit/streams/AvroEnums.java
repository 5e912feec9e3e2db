package dev.accrue.credit.streams;

import java.util.Optional;

/**
 * Domain enums are the Avro enums without UNKNOWN (the symbol readers see for a newer value), so
 * mapping is by name and UNKNOWN maps to empty: each mapper says what an unknown value means.
 */
public final class AvroEnums {

    public static <D extends Enum<D>> Optional<D> toDomain(Enum<?> avro, Class<D> domain) {
        if (avro == null || "UNKNOWN".equals(avro.name())) {
            return Optional.empty();
        }
        return Optional.of(Enum.valueOf(domain, avro.name()));
    }

    public static <A extends Enum<A>> A toAvro(Enum<?> domain, Class<A> avro) {
        return Enum.valueOf(avro, domain.name());
    }

    private AvroEnums() {
    }
}
