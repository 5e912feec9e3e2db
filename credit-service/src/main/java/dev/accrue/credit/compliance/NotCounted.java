package dev.accrue.credit.compliance;

import dev.accrue.credit.catalog.ApprovalKey;

/** An award above 0 in the cycle that the licence's board does not count, with the reason in the board's terms. */
public record NotCounted(String awardId, String sessionId, ApprovalKey approval, double hours, Reason reason,
                         String detail) {

    public enum Reason {
        /** The board accepts no credit from this body (or this body's jurisdiction). */
        BODY_NOT_ACCEPTED,
        /** The board accepts the body for other licence types only. */
        NOT_ACCEPTED_FOR_LICENSE_TYPE,
        /** The board accepts the body only for programmes of at least some length. */
        BELOW_MINIMUM_HOURS,
        /** The session already counts through another approval (a session counts once). */
        SESSION_COUNTED_ONCE,
        /** The board counts a course taken twice in one cycle once (Ohio). */
        COURSE_COUNTED_ONCE
    }
}
