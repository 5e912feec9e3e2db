package dev.accrue.ingest.licensee;

import dev.accrue.ingest.common.Access;
import dev.accrue.ingest.common.ForbiddenException;

/**
 * Who may replace a licensee profile. The provider that registers a licensee owns it, and from
 * then on only that provider or an ADMIN key may replace the profile. A profile without an owner
 * (written before owners were recorded, or created by an ADMIN key) is claimed by the first
 * provider that writes it; an ADMIN write keeps the owner as it is. The refusal does not name the
 * owner, so providers cannot learn which other provider a person studies with. Attendance is not
 * restricted by ownership: people attend many providers' courses.
 */
public final class LicenseeOwnership {

    /** The owner the profile has after this write; throws {@link ForbiddenException} when the caller may not write it. */
    public static String ownerAfterWrite(String licenseeId, String currentOwner, Access access) {
        if (currentOwner == null) {
            return access.providerId().orElse(null);
        }
        if (!access.mayActFor(currentOwner)) {
            throw new ForbiddenException("Licensee '" + licenseeId + "' was registered by another provider; only that"
                    + " provider or an ADMIN key may replace it, and " + access.describe() + " is neither");
        }
        return currentOwner;
    }

    private LicenseeOwnership() {
    }
}
