package dev.accrue.ingest.licensee;

/**
 * Which licensees attendance may name. A licensee profile is private to the provider that owns it: attendance
 * in a session may name a licensee only when the session's provider owns the licensee, whoever sends it (an
 * ADMIN key too; it transfers the licensee first when a person moves). A licensee without an owner is named
 * by no session until an ADMIN key assigns it. To everyone else the licensee does not exist: every refusal
 * reads exactly as the one for an unknown id, so a provider cannot learn which ids, emails or people other
 * providers registered.
 */
public final class LicenseeTenancy {

    /**
     * @param owner the licensee's owner, null when it has none
     * @param sessionProvider the provider of the session the attendance is for
     */
    public static boolean mayAttend(String owner, String sessionProvider) {
        return owner != null && owner.equals(sessionProvider);
    }

    private LicenseeTenancy() {
    }
}
