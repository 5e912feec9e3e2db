package dev.accrue.search.analytics.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read which provider's analytics. ANALYST and ADMIN keys read everything and may filter by
 * any provider. A PROVIDER key reads only its own provider's data: without a providerId filter it is
 * scoped to its own, and asking for another provider is 403. Questions with no provider dimension
 * (compliance) need ANALYST or ADMIN.
 */
final class ProviderScope {

    static Optional<String> resolve(Caller caller, Optional<String> requested) {
        Optional<String> wanted = requested.filter(p -> !p.isBlank());
        if (caller.role() != Role.PROVIDER) {
            return wanted;
        }
        String own = caller.providerId().orElseThrow(() -> forbidden("The PROVIDER key '" + caller.keyName()
                + "' has no providerId"));
        if (wanted.isPresent() && !wanted.get().equals(own)) {
            throw forbidden("The API key '" + caller.keyName() + "' belongs to provider '" + own
                    + "' and may not read analytics of provider '" + wanted.get() + "'");
        }
        return Optional.of(own);
    }

    static void requireCrossProvider(Caller caller) {
        caller.requireRole(Role.ANALYST, Role.ADMIN);
    }

    private static ResponseStatusException forbidden(String detail) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, detail);
    }

    private ProviderScope() {
    }
}
