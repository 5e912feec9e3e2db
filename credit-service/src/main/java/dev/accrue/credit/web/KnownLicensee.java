package dev.accrue.credit.web;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Per-licensee reads: a licensee with nothing stored yet reads as empty; one never seen is 404. */
public final class KnownLicensee {

    public static <T> T orEmpty(Predicate<String> knowsLicensee, String licenseeId, Optional<T> stored, Supplier<T> empty) {
        return stored.orElseGet(() -> {
            if (!knowsLicensee.test(licenseeId)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No licensee '" + licenseeId + "'");
            }
            return empty.get();
        });
    }

    private KnownLicensee() {
    }
}
