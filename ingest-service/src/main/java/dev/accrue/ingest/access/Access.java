package dev.accrue.ingest.access;

import dev.accrue.ingest.errors.ForbiddenException;
import java.util.Optional;

/**
 * What the caller may write, as the domain sees it: an ADMIN may act for every provider, a
 * PROVIDER key only for its own. The web layer builds it from the authenticated API key.
 */
public interface Access {

    boolean mayActFor(String providerId);

    /** The provider a PROVIDER key writes for; empty for an ADMIN key, which acts for every provider. */
    Optional<String> providerId();

    /** Names the caller in error messages, e.g. "API key 'acme-ci' (provider acme)". */
    String describe();

    default void requireProvider(String providerId, String what) {
        if (!mayActFor(providerId)) {
            throw new ForbiddenException(describe() + " may not write " + what + " of provider '" + providerId + "'");
        }
    }
}
