package dev.accrue.credit.accrual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.catalog.ApprovalBody;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccrualRetentionTest {

    static final AccrualRetention RETENTION = new AccrualRetention(Duration.ofDays(400));

    @Test
    void aLiveSessionCanBeCreditedUntilTheRetentionAfterItsEndHasPassed() {
        var session = Fixtures.live(3, ApprovalBody.APA);
        var until = Fixtures.ENDS.plus(Duration.ofDays(400));

        assertThat(RETENTION.refusal(session, until.minusMillis(1))).isEmpty();
        assertThat(RETENTION.refusal(session, until)).contains("Session 'sess-1' ended at 2025-03-10T12:00:00Z, more than"
                + " 400 days ago; its accruals are no longer kept (accrual retention), so attendance for it can no longer"
                + " be credited");
    }

    @Test
    void selfStudyHasNoEndSoItsAccrualsAreKept() {
        var selfStudy = Fixtures.selfStudy(2, null, ApprovalBody.NBCC);
        assertThat(RETENTION.refusal(selfStudy, Fixtures.ENDS.plus(Duration.ofDays(4000)))).isEmpty();
        assertThat(RETENTION.expired(null, Fixtures.ENDS.plus(Duration.ofDays(4000)))).isFalse();
    }

    @Test
    void aRetentionOfZeroOrLessIsAConfigurationError() {
        assertThatThrownBy(() -> new AccrualRetention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
