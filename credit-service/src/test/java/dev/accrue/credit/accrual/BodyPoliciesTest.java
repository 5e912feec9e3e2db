package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.AttendancePolicy;
import dev.accrue.credit.catalog.SessionDefinition;
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
        void arriving15MinutesLateStillEarnsFullCredit() {
            assertThat(hours(ApprovalBody.APA, 3, "09:15", "12:00")).isEqualTo(3.0);
        }

        @Test
        void missing16MinutesEarnsNothing() {
            assertThat(hours(ApprovalBody.APA, 3, "09:08", "11:52")).isZero();
        }
    }

    @Nested
    class AswbAce {
        @Test
        void leaving10MinutesEarlyStillEarnsFullCredit() {
            assertThat(hours(ApprovalBody.ASWB_ACE, 3, "09:00", "11:50")).isEqualTo(3.0);
        }

        @Test
        void missing11MinutesEarnsNothing() {
            assertThat(hours(ApprovalBody.ASWB_ACE, 3, "09:11", "12:00")).isZero();
        }
    }

    @Nested
    class Nbcc {
        @Test
        void missing10MinutesStillEarnsFullCredit() {
            assertThat(hours(ApprovalBody.NBCC, 3, "09:05", "11:55")).isEqualTo(3.0);
        }

        @Test
        void missing11MinutesEarnsNothing() {
            assertThat(hours(ApprovalBody.NBCC, 3, "09:00", "11:49")).isZero();
        }
    }

    @Nested
    class Iacet {
        @Test
        void partialAttendanceEarnsHoursRoundedDownToATenth() {
            assertThat(hours(ApprovalBody.IACET, 3, "09:00", "10:41")).isEqualTo(1.6);
        }

        @Test
        void hoursAreCappedAtTheSessionCreditHours() {
            assertThat(hours(ApprovalBody.IACET, 2.5, "09:00", "12:00")).isEqualTo(2.5);
        }

        @Test
        void theAwardStatesCeuAsHoursDividedByTen() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.IACET), List.of(joined("09:00"), left("10:30")));
            assertThat(accruals.awards().get(0).ceu()).isEqualTo(0.15);
        }

        @Test
        void otherBodiesStateNoCeu() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
            assertThat(accruals.awards().get(0).ceu()).isNull();
        }
    }

    @Nested
    class StateBoard {
        @Test
        void partialAttendanceEarnsWhole30MinuteSteps() {
            assertThat(hours(ApprovalBody.STATE_BOARD, 3, "09:00", "10:29")).isEqualTo(1.0);
        }

        @Test
        void hoursAreCappedAtTheSessionCreditHours() {
            assertThat(hours(ApprovalBody.STATE_BOARD, 2, "09:00", "12:00")).isEqualTo(2.0);
        }

        @Test
        void lessThanOneStepEarnsNoAwardAtAll() {
            var accruals = Accruals.finalizedWith(live(3, ApprovalBody.STATE_BOARD), List.of(joined("09:00"), left("09:29")));
            assertThat(accruals.awards()).isEmpty();
        }
    }

    /** The provider's own rule for the session, within each body's. */
    @Nested
    class ProviderPolicy {
        private double hours(ApprovalBody body, AttendancePolicy provider, String joinedAt, String leftAt) {
            SessionDefinition s = live(3, body);
            SessionDefinition strict = new SessionDefinition(s.sessionId(), s.courseId(), s.providerId(), s.title(),
                    s.format(), s.startsAt(), s.endsAt(), s.timeZone(), s.breaks(), s.creditHours(), s.categories(),
                    s.approvals(), s.passingScore(), provider, null, List.of());
            return Accruals.finalizedWith(strict, List.of(joined(joinedAt), left(leftAt))).hours(body);
        }

        @Test
        void aStricterToleranceThanTheBodysApplies() {
            AttendancePolicy fiveMinutes = new AttendancePolicy(5, null);
            assertThat(hours(ApprovalBody.APA, fiveMinutes, "09:05", "12:00")).isEqualTo(3.0);
            assertThat(hours(ApprovalBody.APA, fiveMinutes, "09:10", "12:00")).isZero();
        }

        @Test
        void aLooserToleranceThanTheBodysLeavesTheBodysInForce() {
            assertThat(hours(ApprovalBody.APA, new AttendancePolicy(30, null), "09:20", "12:00")).isZero();
        }

        @Test
        void belowTheProvidersMinimumShareNoBodyGivesPartialCredit() {
            AttendancePolicy fourFifths = new AttendancePolicy(null, 80);
            assertThat(hours(ApprovalBody.IACET, fourFifths, "09:00", "11:00")).isZero();      // 120 of 180 minutes
            assertThat(hours(ApprovalBody.IACET, fourFifths, "09:00", "11:30")).isEqualTo(2.5); // 150 of 180
        }
    }
}
