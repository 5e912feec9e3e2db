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

    @Test
    void aConnectionCountsFromItsJoinToItsOwnLeave() {
        assertThat(time(joined("09:00", "laptop"), left("10:30", "laptop")).attendedMinutes()).isEqualTo(90);
    }

    @Test
    void aLostLeaveCountsOnlyUpToTheLicenseesLastEventNotTheSessionEnd() {
        // The laptop's LEFT never came; the phone's visit is the last evidence of presence, at 10:30.
        AttendedTime time = time(joined("09:00", "laptop"), joined("10:00", "phone"), left("10:30", "phone"));

        assertThat(time.attendedMinutes()).isEqualTo(90);
        assertThat(time.lastPresentAt()).isEqualTo(at("10:30"));
    }

    @Test
    void aLoneJoinOfAConnectionEarnsNothing() {
        assertThat(time(joined("09:00", "laptop")).attendedMinutes()).isZero();
    }

    @Test
    void aLateLeaveOfALostConnectionRestoresItsTime() {
        assertThat(time(joined("09:00", "laptop"), left("12:00", "laptop")).attendedMinutes()).isEqualTo(180);
    }

    @Test
    void twoDevicesJoiningInTheSameSecondStayApartWhenOneLeavesEarly() {
        AttendedTime time = time(joined("09:00", "laptop"), joined("09:00", "phone"), left("09:30", "phone"),
                left("12:00", "laptop"));

        assertThat(time.attendedMinutes()).isEqualTo(180);
    }

    @Test
    void withoutConnectionsTwoDevicesJoiningInTheSameSecondAreOneFactAsBefore() {
        // The first LEFT ends presence: the old rule, kept for events that name no connection.
        assertThat(time(joined("09:00"), joined("09:00"), left("09:30"), left("12:00")).attendedMinutes()).isEqualTo(30);
    }

    @Test
    void reconnectsOfOneDeviceAsNewConnectionsCountTheirUnionAndNotTheGap() {
        AttendedTime time = time(joined("09:00", "row-1"), left("10:00", "row-1"), joined("10:10", "row-2"),
                left("12:00", "row-2"));

        assertThat(time.attendedMinutes()).isEqualTo(170);
    }

    @Test
    void aConnectionReusedAfterItsLeaveCountsEachVisit() {
        AttendedTime time = time(joined("09:00", "laptop"), left("10:00", "laptop"), joined("11:00", "laptop"),
                left("11:30", "laptop"));

        assertThat(time.attendedMinutes()).isEqualTo(90);
    }

    @Test
    void aLeaveOfAnotherConnectionDoesNotCloseThisOne() {
        // Connection "b" never joined: its LEFT proves nothing, and "a" stays present.
        assertThat(time(joined("09:00", "a"), left("09:30", "b"), left("11:00", "a")).attendedMinutes()).isEqualTo(120);
    }

    @Test
    void eventsWithAndWithoutConnectionsCountTheirUnion() {
        // A provider that started sending connections mid-session: the old JOINED still runs to the end (old rule).
        AttendedTime mixed = time(joined("09:00"), joined("10:00", "laptop"), left("10:30", "laptop"));
        AttendedTime newOnly = time(joined("09:00", "phone"), left("09:20", "phone"), joined("10:00", "laptop"),
                left("10:30", "laptop"));

        assertThat(mixed.attendedMinutes()).isEqualTo(180);
        assertThat(newOnly.attendedMinutes()).isEqualTo(50);
    }

    @Test
    void aLostLeaveIsBoundedByALaterLegacyEventToo() {
        assertThat(time(joined("09:00", "laptop"), left("09:45")).attendedMinutes()).isEqualTo(45);
    }
}
