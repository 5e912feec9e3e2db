package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.completed;
import static dev.accrue.credit.Fixtures.selfStudy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SelfStudyTest {

    @Test
    void aScoreOf75PassesByDefaultAndEarnsFullCreditFromEveryBody() {
        var accruals = new Accruals(selfStudy(2, null, ApprovalBody.APA, ApprovalBody.NBCC)).record(completed("10:00", 75));
        assertThat(accruals.awards()).extracting(Award::hours).containsExactly(2.0, 2.0);
    }

    @Test
    void aScoreBelow75EarnsNothing() {
        var accruals = new Accruals(selfStudy(2, null, ApprovalBody.APA)).record(completed("10:00", 74.9));
        assertThat(accruals.awards()).isEmpty();
    }

    @Test
    void theSessionPassingScoreOverridesTheDefault() {
        var accruals = new Accruals(selfStudy(2, 80.0, ApprovalBody.APA)).record(completed("10:00", 79));
        assertThat(accruals.awards()).isEmpty();
    }

    @Test
    void creditIsDecidedAtOnceWithoutWaitingForFinalization() {
        var accruals = new Accruals(selfStudy(2, null, ApprovalBody.APA)).record(completed("10:00", 90));
        assertThat(accruals.certificates()).hasSize(1);
    }

    @Test
    void onlyTheFirstPassingCompletionCounts() {
        var accruals = new Accruals(selfStudy(2, null, ApprovalBody.APA))
                .record(completed("10:00", 60))
                .record(completed("11:00", 80))
                .record(completed("12:00", 100));
        assertThat(accruals.awards()).singleElement()
                .satisfies(a -> assertThat(a.completedAt()).isEqualTo(Instant.parse("2025-03-10T11:00:00Z")));
    }

    @Test
    void anEarlierPassingCompletionArrivingLateDoesNotReviseTheHours() {
        var accruals = new Accruals(selfStudy(2, null, ApprovalBody.APA))
                .record(completed("11:00", 80))
                .record(completed("10:00", 90));
        assertThat(accruals.awards()).hasSize(1);
    }
}
