package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.at;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.AccrualEvent.AttendanceRefused;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import org.junit.jupiter.api.Test;

/** One licensee's accrual in one session holds at most {@link AccrualLimit#FACTS} distinct facts; past it, events are refused. */
class AccrualLimitTest {

    /** Joined at 09:00, left at 12:00 (full credit), then reconnects inside that time until the accrual is full. */
    private static Accruals fullAndFinalized() {
        Accruals accruals = new Accruals(live(3, ApprovalBody.APA, ApprovalBody.IACET))
                .record(joined("09:00")).record(left("12:00")).finalizeSession();
        for (int i = 0; accruals.state.facts().size() < AccrualLimit.FACTS; i++) {
            accruals.record(event(i % 2 == 0 ? AttendanceType.JOINED : AttendanceType.LEFT, i));
        }
        return accruals;
    }

    private static Attendance event(AttendanceType type, int second) {
        return new Attendance("flood-" + second, SESSION, LICENSEE, type, at("09:30").plusSeconds(second), null, null);
    }

    @Test
    void aNewFactPastTheLimitIsRefusedWithTheReasonAndChangesNothing() {
        Accruals accruals = fullAndFinalized();
        Accrual full = accruals.state;
        int emitted = accruals.emitted.size();

        accruals.record(left("10:00"));

        assertThat(accruals.state).isEqualTo(full);
        assertThat(accruals.emitted.subList(emitted, accruals.emitted.size())).singleElement()
                .isInstanceOfSatisfying(AttendanceRefused.class, refused -> assertThat(refused.reason())
                        .contains("already has 1000 distinct attendance facts", "'" + SESSION + "'",
                                "the credit stays as it is"));
        assertThat(accruals.hours(ApprovalBody.APA)).isEqualTo(3.0);
        assertThat(accruals.hours(ApprovalBody.IACET)).isEqualTo(3.0);
    }

    @Test
    void aFactAlreadyHeldIsARepeatAndNeverRefusedEvenUnderAnotherEventId() {
        Accruals accruals = fullAndFinalized();
        int emitted = accruals.emitted.size();

        accruals.record(event(AttendanceType.JOINED, 0)).record(new Attendance("another-id", SESSION, LICENSEE,
                AttendanceType.JOINED, at("09:00"), null, null));

        assertThat(accruals.emitted).hasSize(emitted);
    }

    @Test
    void theSameFactUnderTwoEventIdsIsHeldOnce() {
        Accruals accruals = new Accruals(live(3, ApprovalBody.APA)).record(joined("09:00"));

        accruals.record(new Attendance("provider-retry", SESSION, LICENSEE, AttendanceType.JOINED, at("09:00"), null, null));

        assertThat(accruals.state.facts()).hasSize(1);
    }
}
