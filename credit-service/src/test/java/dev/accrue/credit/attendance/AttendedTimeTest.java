package dev.accrue.credit.attendance;

import static dev.accrue.credit.Fixtures.at;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendedTimeTest {

    private static List<AttendanceFact> facts(Attendance... events) {
        return java.util.Arrays.stream(events).map(AttendanceFact::of).toList();
    }

    private static AttendedTime time(Attendance... events) {
        return AttendedTime.of(facts(events), live(3, ApprovalBody.APA));
    }

    @Test
    void aSingleJoinAndLeaveCountsTheMinutesBetweenThem() {
        assertThat(time(joined("09:00"), left("10:30")).attendedMinutes()).isEqualTo(90);
    }

    @Test
    void overlappingIntervalsFromTwoDevicesCountOnce() {
        assertThat(time(joined("09:00"), joined("09:30"), left("11:00"), left("11:30")).attendedMinutes()).isEqualTo(150);
    }

    @Test
    void aReconnectAtTheSameInstantKeepsThePersonPresent() {
        assertThat(time(joined("09:00"), left("10:00"), joined("10:00"), left("12:00")).attendedMinutes()).isEqualTo(180);
    }

    @Test
    void aJoinWithoutALeaveClosesAtTheScheduledEnd() {
        assertThat(time(joined("11:00")).attendedMinutes()).isEqualTo(60);
    }

    @Test
    void timeBeforeTheStartAndAfterTheEndDoesNotCount() {
        assertThat(time(joined("08:00"), left("13:00")).attendedMinutes()).isEqualTo(180);
    }

    @Test
    void aLeaveWithoutAJoinProvesNoPresence() {
        assertThat(time(left("10:00")).attendedMinutes()).isZero();
    }

    @Test
    void joiningAndLeavingAtTheSameInstantCountsNothing() {
        assertThat(time(joined("10:00"), left("10:00")).attendedMinutes()).isZero();
    }

    @Test
    void breaksAreCutFromAttendedAndScheduledMinutes() {
        var session = live(3, List.of(new TimeRange(at("10:00"), at("10:15"))), ApprovalBody.APA);
        AttendedTime time = AttendedTime.of(facts(joined("09:00"), left("12:00")), session);
        assertThat(time.scheduledMinutes()).isEqualTo(165);
        assertThat(time.attendedMinutes()).isEqualTo(165);
        assertThat(time.missedMinutes()).isZero();
    }

    @Test
    void missedMinutesAreScheduledMinusAttended() {
        assertThat(time(joined("09:20"), left("12:00")).missedMinutes()).isEqualTo(20);
    }
}
