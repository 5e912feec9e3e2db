package dev.accrue.ingest.licensee;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.IdUnavailableException;

/**
 * Who may replace a licensee profile, and who owns it afterwards: the provider that registered it, or
 * whoever an ADMIN key names. Licensee ids are one namespace for all providers, so a provider learns only
 * that an id is not available: a 409 that reads the same whatever the reason, naming nobody. The rules and
 * their reasons are beside the checks; see also ingest-service/README.md, "Who owns a licensee".
 */
public final class LicenseeOwnership {

    /**
     * The owner the profile has after this write; throws {@link IdUnavailableException} when another provider owns
     * it, or a provider writes a profile that has no owner, {@link ForbiddenException} when the caller names an owner
     * it may not.
     *
     * @param registered whether a profile is stored now
     * @param currentOwner the owner stored now, null when none (or no profile)
     * @param requestedOwner the owner the request names, null when it names none
     */
    public static String ownerAfterWrite(String licenseeId, boolean registered, String currentOwner, String requestedOwner,
            Access access) {
        // Once registered, only the owner or an ADMIN key may replace the profile.
        if (currentOwner != null && !access.mayActFor(currentOwner)) {
            throw unavailable(licenseeId);
        }
        // An unowned profile (written before owners were recorded, or created by an ADMIN key without one) is an
        // ADMIN's to assign: nothing records who registered it, so letting the first provider that writes it claim
        // it would let any provider take (and lock the registrant out of) an old licensee. To a provider it reads
        // as another provider's id.
        if (registered && currentOwner == null && access.providerId().isPresent()) {
            throw unavailable(licenseeId);
        }
        // An ADMIN key names an owner to assign or transfer a licensee; a provider may name only itself.
        if (requestedOwner != null) {
            if (!access.mayActFor(requestedOwner)) {
                throw new ForbiddenException(access.describe() + " may not make provider '" + requestedOwner + "' the owner of"
                        + " licensee '" + licenseeId + "'; only an ADMIN key assigns licensees to other providers");
            }
            return requestedOwner;
        }
        // Naming none keeps the owner; a new licensee belongs to the provider that registers it.
        return registered ? currentOwner : access.providerId().orElse(null);
    }

    static IdUnavailableException unavailable(String licenseeId) {
        return new IdUnavailableException("Licensee id '" + licenseeId + "' is not available; choose another id. Licensee"
                + " ids are one namespace for all providers: use opaque ids, never licence numbers or emails");
    }

    private LicenseeOwnership() {
    }
}
