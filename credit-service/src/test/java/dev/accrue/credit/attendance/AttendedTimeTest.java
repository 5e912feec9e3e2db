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
    void a_single_join_and_leave_counts_the_minutes_between_them() {
        assertThat(time(joined("09:00"), left("10:30")).attendedMinutes()).isEqualTo(90);
    }

    @Test
    void overlapping_intervals_from_two_devices_count_once() {
        assertThat(time(joined("09:00"), joined("09:30"), left("11:00"), left("11:30")).attendedMinutes()).isEqualTo(150);
    }

    @Test
    void a_reconnect_at_the_same_instant_keeps_the_person_present() {
        assertThat(time(joined("09:00"), left("10:00"), joined("10:00"), left("12:00")).attendedMinutes()).isEqualTo(180);
    }

    @Test
    void a_join_without_a_leave_closes_at_the_scheduled_end() {
        assertThat(time(joined("11:00")).attendedMinutes()).isEqualTo(60);
    }

    @Test
    void time_before_the_start_and_after_the_end_does_not_count() {
        assertThat(time(joined("08:00"), left("13:00")).attendedMinutes()).isEqualTo(180);
    }

    @Test
    void a_leave_without_a_join_proves_no_presence() {
        assertThat(time(left("10:00")).attendedMinutes()).isZero();
    }

    @Test
    void joining_and_leaving_at_the_same_instant_counts_nothing() {
        assertThat(time(joined("10:00"), left("10:00")).attendedMinutes()).isZero();
    }

    @Test
    void breaks_are_cut_from_attended_and_scheduled_minutes() {
        var session = live(3, List.of(new TimeRange(at("10:00"), at("10:15"))), ApprovalBody.APA);
        AttendedTime time = AttendedTime.of(facts(joined("09:00"), left("12:00")), session);
        assertThat(time.scheduledMinutes()).isEqualTo(165);
        assertThat(time.attendedMinutes()).isEqualTo(165);
        assertThat(time.missedMinutes()).isZero();
    }

    @Test
    void missed_minutes_are_scheduled_minus_attended() {
        assertThat(time(joined("09:20"), left("12:00")).missedMinutes()).isEqualTo(20);
    }
}
