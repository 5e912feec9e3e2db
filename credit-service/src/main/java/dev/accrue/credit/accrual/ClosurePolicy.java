package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.SessionDefinition;

/**
 * What follows once attendance for a session was credited. Self-study and finalized credit need
 * nothing more. A live session's credit is final at once when its provider closed it and this task has
 * read past the closure ({@link FinalizationPolicy#caughtUp}): nothing accepted before the closure is
 * still to come. Otherwise the session stays open, and the finalization check decides later (the closure
 * may be visible before attendance accepted ahead of it, which travels on another topic).
 */
public final class ClosurePolicy {

    public enum Next { NOTHING, FINALIZE_NOW, KEEP_OPEN }

    public static Next afterCredit(SessionDefinition session, Accrual credited, boolean closedAndCaughtUp) {
        if (session.isSelfStudy() || credited.finalized()) {
            return Next.NOTHING;
        }
        return closedAndCaughtUp ? Next.FINALIZE_NOW : Next.KEEP_OPEN;
    }

    private ClosurePolicy() {
    }
}
