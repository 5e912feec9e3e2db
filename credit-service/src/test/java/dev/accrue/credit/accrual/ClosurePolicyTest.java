package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.live;
import static dev.accrue.credit.Fixtures.selfStudy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import org.junit.jupiter.api.Test;

class ClosurePolicyTest {

    private static final SessionDefinition LIVE = live(3, ApprovalBody.APA);
    private static final Accrual OPEN = Accrual.empty("lic-1", LIVE.sessionId());

    @Test
    void aLiveSessionClosedAndCaughtUpIsFinalNow() {
        assertThat(ClosurePolicy.afterCredit(LIVE, OPEN, true)).isEqualTo(ClosurePolicy.Next.FINALIZE_NOW);
    }

    @Test
    void aLiveSessionNotClosedOrNotCaughtUpStaysOpenForTheFinalizationCheck() {
        assertThat(ClosurePolicy.afterCredit(LIVE, OPEN, false)).isEqualTo(ClosurePolicy.Next.KEEP_OPEN);
    }

    @Test
    void selfStudyAndFinalizedCreditNeedNothingMore() {
        assertThat(ClosurePolicy.afterCredit(selfStudy(3, 75.0, ApprovalBody.APA), OPEN, true))
                .isEqualTo(ClosurePolicy.Next.NOTHING);
        Accrual finalized = new Accrual(OPEN.licenseeId(), OPEN.sessionId(), OPEN.facts(), OPEN.lastAttendanceAt(), true,
                OPEN.awards(), OPEN.certificate());
        assertThat(ClosurePolicy.afterCredit(LIVE, finalized, true)).isEqualTo(ClosurePolicy.Next.NOTHING);
    }
}
