package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.ApprovalBody;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Award ids are name-based UUIDs of (licensee, session, body), so a replay can only repeat an award, never add one. */
public final class AwardId {

    public static String of(String licenseeId, String sessionId, ApprovalBody body) {
        String name = "award\u0000" + licenseeId + "\u0000" + sessionId + "\u0000" + body.name();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private AwardId() {
    }
}
