package dev.accrue.credit.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read credit data. ADMIN and ANALYST keys read everything. A PROVIDER key reads only what
 * its own sessions produced: certificates of its sessions and, on a transcript, the awards from its
 * sessions. Compliance spans every provider, so PROVIDER keys may not read it.
 */
public final class ReadAccess {

    public static boolean readsEverything(Caller caller) {
        return caller.role() == Role.ADMIN || caller.role() == Role.ANALYST;
    }

    public static boolean mayRead(Caller caller, String providerId) {
        return readsEverything(caller) || caller.mayActFor(providerId);
    }

    public static void requireRead(Caller caller, String providerId) {
        if (!mayRead(caller, providerId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The API key '" + caller.keyName()
                    + "' may read only data of sessions of provider '" + caller.providerId().orElse("(none)") + "'");
        }
    }

    private ReadAccess() {
    }
}
