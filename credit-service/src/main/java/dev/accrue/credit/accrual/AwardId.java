package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.ApprovalKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Award ids are name-based UUIDs of (licensee, session, approval body and jurisdiction), so a replay can
 * only repeat an award, never add one. Without a jurisdiction the name is the one used before
 * jurisdictions existed, so those ids did not change.
 */
public final class AwardId {

    public static String of(String licenseeId, String sessionId, ApprovalKey approval) {
        String name = "award\u0000" + licenseeId + "\u0000" + sessionId + "\u0000" + approval.body().name()
                + (approval.jurisdiction() == null ? "" : "\u0000" + approval.jurisdiction());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private AwardId() {
    }
}
