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
    void a_live_session_can_be_credited_until_the_retention_after_its_end_has_passed() {
        var session = Fixtures.live(3, ApprovalBody.APA);
        var until = Fixtures.ENDS.plus(Duration.ofDays(400));

        assertThat(RETENTION.refusal(session, until.minusMillis(1))).isEmpty();
        assertThat(RETENTION.refusal(session, until)).contains("Session 'sess-1' ended at 2025-03-10T12:00:00Z, more than"
                + " 400 days ago; its accruals are no longer kept (accrual retention), so attendance for it can no longer"
                + " be credited");
    }

    @Test
    void self_study_has_no_end_so_its_accruals_are_kept() {
        var selfStudy = Fixtures.selfStudy(2, null, ApprovalBody.NBCC);
        assertThat(RETENTION.refusal(selfStudy, Fixtures.ENDS.plus(Duration.ofDays(4000)))).isEmpty();
        assertThat(RETENTION.expired(null, Fixtures.ENDS.plus(Duration.ofDays(4000)))).isFalse();
    }

    @Test
    void a_retention_of_zero_or_less_is_a_configuration_error() {
        assertThatThrownBy(() -> new AccrualRetention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
