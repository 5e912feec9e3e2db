package dev.accrue.ingest.access.web;

import dev.accrue.ingest.access.Access;
import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import java.util.Optional;

/** The domain's view of an authenticated API key. Only PROVIDER and ADMIN keys may write. */
public record CallerAccess(Caller caller) implements Access {

    /** The caller as a writer; 403 for other roles (ANALYST keys only read). */
    public static Access writer(Caller caller) {
        return new CallerAccess(caller.requireRole(Role.PROVIDER, Role.ADMIN));
    }

    @Override
    public boolean mayActFor(String providerId) {
        return caller.mayActFor(providerId);
    }

    @Override
    public Optional<String> providerId() {
        return caller.providerId();
    }

    @Override
    public String describe() {
        return "The API key '" + caller.keyName() + "' ("
                + caller.providerId().map(p -> "provider " + p).orElse(caller.role().name()) + ")";
    }
}
