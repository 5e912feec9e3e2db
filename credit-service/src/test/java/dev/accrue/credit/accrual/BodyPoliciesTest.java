package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-body policies of rules/credit/credit-2025.1.yaml, on a 3-hour session (09:00-12:00). */
class BodyPoliciesTest {

    private static double hours(ApprovalBody body, double creditHours, String joinedAt, String leftAt) {
        return Accruals.finalizedWith(live(creditHours, body), List.of(joined(joinedAt), left(leftAt))).hours(body);
    }

    @Nested
    class Apa {
        @Test
        void arriving_15_minutes_late_still_earns_full_credit() {
            assertThat(hours(ApprovalBody.APA, 3, "09:15", "12:00")).isEqualTo(3.0);
        }

        @Test
        void missing_16_minutes_earns_nothing() {
            assertThat(hours(ApprovalBody.APA, 3, "09:08", "11:52")).isZero();
        }
    }

    @Nested
    class AswbAce {
        @Test
        void leaving_10_minutes_early_still_earns_full_credit() {
            assertThat(hours(ApprovalBody.ASWB_ACE, 3, "09:00", "11:50")).isEqualTo(3.0);
        }

        @Test
        void missing_11_minutes_earns_nothing() {
            assertThat(hours(ApprovalBody.ASWB_ACE, 3, "09:11", "12:00")).isZero();
        }
    }

    @Nested
    class Nbcc {
        @Test
        void missing_10_minutes_still_earns_full_credit() {
            assertThat(hours(ApprovalBody.NBCC, 3, "09:05", "11:55")).isEqualTo(3.0);
        }

        @Test
        void missing_11_minutes_earns_nothing() {
            assertThat(hours(ApprovalBody.NBCC, 3, "09:00", "11:49")).isZero();
        }
    }

    @Nested
    class Iacet {
        @Test
        void partial_attendance_earns_hours_rounded_down_to_a_tenth() {
            assertThat(hours(ApprovalBody.IACET, 3, "09:00", "10:41")).isEqualTo(1.6);
        }

        @Test
        void hours_are_capped_at_the_session_credit_hours() {
            assertThat(hours(ApprovalBody.IACET, 2.5, "09:00", "12:00")).isEqualTo(2.5);
        }

        @Test
        void the_award_states_ceu_as_hours_divided_by_ten() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.IACET), List.of(joined("09:00"), left("10:30")));
            assertThat(accruals.awards().get(0).ceu()).isEqualTo(0.15);
        }

        @Test
        void other_bodies_state_no_ceu() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
            assertThat(accruals.awards().get(0).ceu()).isNull();
        }
    }

    @Nested
    class StateBoard {
        @Test
        void partial_attendance_earns_whole_30_minute_steps() {
            assertThat(hours(ApprovalBody.STATE_BOARD, 3, "09:00", "10:29")).isEqualTo(1.0);
        }

        @Test
        void hours_are_capped_at_the_session_credit_hours() {
            assertThat(hours(ApprovalBody.STATE_BOARD, 2, "09:00", "12:00")).isEqualTo(2.0);
        }

        @Test
        void less_than_one_step_earns_no_award_at_all() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.STATE_BOARD), List.of(joined("09:00"), left("09:29")));
            assertThat(accruals.awards()).isEmpty();
        }
    }
}
