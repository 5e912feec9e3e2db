package dev.accrue.platform.security;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling, as established from the API key. Controllers take it as a parameter.
 *
 * @param keyName the key's configured name, for logs (never the key itself)
 * @param role what the key may do
 * @param providerId the provider organisation a PROVIDER key belongs to; empty for other roles
 */
public record Caller(String keyName, Role role, Optional<String> providerId) {

    /** Fails with 403 unless the caller has one of the roles. */
    public Caller requireRole(Role... allowed) {
        if (Arrays.asList(allowed).contains(role)) {
            return this;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "This operation needs one of the roles " + Arrays.toString(allowed) + "; the API key '" + keyName
                        + "' has role " + role);
    }

    /** True when the caller may act for the provider: an ADMIN, or that provider's own key. */
    public boolean mayActFor(String provider) {
        return role == Role.ADMIN || providerId.filter(provider::equals).isPresent();
    }

    /** Fails with 403 unless the caller may act for the provider. */
    public Caller requireProvider(String provider) {
        if (mayActFor(provider)) {
            return this;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The API key '" + keyName + "' belongs to provider '"
                + providerId.orElse("(none)") + "' and may not write data of provider '" + provider + "'");
    }
}
