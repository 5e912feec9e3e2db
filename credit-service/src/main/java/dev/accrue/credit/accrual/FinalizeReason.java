package dev.accrue.credit.accrual;

/** Why a live session's credit became final. */
public enum FinalizeReason {
    /** The provider declared the roster complete. */
    CLOSED_BY_PROVIDER,
    /** {@code endsAt} plus the grace period passed and no attendance arrived for the quiet period. */
    QUIET_AFTER_END
}
