package dev.accrue.credit.web;

import dev.accrue.credit.kafka.StoreQueries;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Per-licensee reads: a licensee with nothing stored yet reads as empty; one never seen is 404. */
public final class KnownLicensee {

    public static <T> T orEmpty(StoreQueries queries, String licenseeId, Optional<T> stored, Supplier<T> empty) {
        return stored.orElseGet(() -> {
            if (!queries.knowsLicensee(licenseeId)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No licensee '" + licenseeId + "'");
            }
            return empty.get();
        });
    }

    private KnownLicensee() {
    }
}
