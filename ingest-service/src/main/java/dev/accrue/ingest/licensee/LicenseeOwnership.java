package dev.accrue.ingest.licensee;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.IdUnavailableException;

/**
 * Who may replace a licensee profile, and who owns it afterwards. The provider that registers a
 * licensee owns it, and from then on only that provider or an ADMIN key may replace the profile.
 * An ADMIN key sets the owner explicitly when the request names one (to assign or transfer a
 * licensee) and otherwise keeps it as it is. A provider may name only itself. A profile without an
 * owner (written before owners were recorded, or created by an ADMIN key without one) is assigned
 * only by an ADMIN key: nothing records who registered it, so letting the first provider that writes
 * it claim it would let any provider take (and lock the registrant out of) an old licensee. Licensee
 * ids are one namespace for all providers, so a provider learns only that the id is not available:
 * a 409 that reads the same whatever the reason, naming nobody.
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
        if (currentOwner != null && !access.mayActFor(currentOwner)) {
            throw unavailable(licenseeId);
        }
        // An unowned profile is an ADMIN's to assign; to a provider it reads as another provider's id.
        if (registered && currentOwner == null && access.providerId().isPresent()) {
            throw unavailable(licenseeId);
        }
        if (requestedOwner != null) {
            if (!access.mayActFor(requestedOwner)) {
                throw new ForbiddenException(access.describe() + " may not make provider '" + requestedOwner + "' the owner of"
                        + " licensee '" + licenseeId + "'; only an ADMIN key assigns licensees to other providers");
            }
            return requestedOwner;
        }
        return registered ? currentOwner : access.providerId().orElse(null);
    }

    static IdUnavailableException unavailable(String licenseeId) {
        return new IdUnavailableException("Licensee id '" + licenseeId + "' is not available; choose another id. Licensee"
                + " ids are one namespace for all providers: use opaque ids, never licence numbers or emails");
    }

    private LicenseeOwnership() {
    }
}
