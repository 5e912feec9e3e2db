package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.STARTS;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Credit depends on the set of a session's events, never on their order or on repeats. */
class AccrualPropertiesTest {

    private static final SessionDefinition SESSION = live(3, ApprovalBody.APA, ApprovalBody.IACET, ApprovalBody.STATE_BOARD);

    @Property(tries = 300)
    void shuffling_a_sessions_events_never_changes_the_credit(@ForAll("sessions") List<Attendance> events,
                                                               @ForAll long seed) {
        List<Attendance> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(credit(shuffled)).isEqualTo(credit(events));
    }

    @Property(tries = 300)
    void duplicating_a_sessions_events_never_changes_the_credit(@ForAll("sessions") List<Attendance> events,
                                                                 @ForAll long seed) {
        Random random = new Random(seed);
        List<Attendance> duplicated = new ArrayList<>(events);
        for (Attendance event : events) {
            if (random.nextBoolean()) {
                duplicated.add(random.nextInt(duplicated.size() + 1), event); // same event id, delivered again
            }
            if (random.nextBoolean()) {
                duplicated.add(new Attendance(event.eventId() + "-copy", event.sessionId(), event.licenseeId(),
                        event.type(), event.occurredAt(), event.score())); // same fact, another source's id
            }
        }
        assertThat(credit(duplicated)).isEqualTo(credit(events));
    }

    @Property(tries = 200)
    void late_events_after_finalization_end_in_the_same_credit_as_on_time_ones(
            @ForAll("sessions") List<Attendance> events, @ForAll long seed) {
        List<Attendance> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = shuffled.isEmpty() ? 0 : new Random(seed).nextInt(shuffled.size());
        var accruals = new Accruals(SESSION);
        shuffled.subList(0, cut).forEach(accruals::record);
        accruals.finalizeSession();
        shuffled.subList(cut, shuffled.size()).forEach(accruals::record);
        assertThat(hoursByBody(accruals)).isEqualTo(credit(events));
    }

    private static Map<ApprovalBody, Double> credit(List<Attendance> events) {
        return hoursByBody(Accruals.finalizedWith(SESSION, events));
    }

    private static Map<ApprovalBody, Double> hoursByBody(Accruals accruals) {
        // A revoked award (0 h) is the same credit as none.
        return accruals.state.awards().values().stream().filter(Award::granted).collect(Collectors.toMap(Award::body, Award::hours));
    }

    @Provide
    Arbitrary<List<Attendance>> sessions() {
        Arbitrary<AttendanceType> type = Arbitraries.of(AttendanceType.JOINED, AttendanceType.LEFT);
        Arbitrary<Integer> minute = Arbitraries.integers().between(-30, 210); // before, during and after 09:00-12:00
        Arbitrary<Attendance> event = Combinators.combine(type, minute, Arbitraries.strings().alpha().ofLength(8))
                .as((t, m, id) -> new Attendance(id, Fixtures.SESSION, Fixtures.LICENSEE, t,
                        STARTS.plusSeconds(m * 60L), null));
        return event.list().ofMaxSize(12).uniqueElements(Attendance::eventId);
    }
}
