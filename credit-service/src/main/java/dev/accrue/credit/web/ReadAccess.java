package dev.accrue.credit.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;

/**
 * Who may read credit data. ADMIN and ANALYST keys read everything. A PROVIDER key reads only what
 * its own sessions produced: certificates of its sessions and, on a transcript, the awards from its
 * sessions. Compliance spans every provider, so PROVIDER keys may not read it. A certificate a
 * provider may not read is answered as absent (404), so it cannot confirm another provider's data.
 */
public final class ReadAccess {

    public static boolean readsEverything(Caller caller) {
        return caller.role() == Role.ADMIN || caller.role() == Role.ANALYST;
    }

    public static boolean mayRead(Caller caller, String providerId) {
        return readsEverything(caller) || caller.mayActFor(providerId);
    }

    private ReadAccess() {
    }
}
