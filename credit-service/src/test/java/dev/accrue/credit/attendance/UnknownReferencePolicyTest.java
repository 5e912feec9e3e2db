package dev.accrue.credit.attendance;

import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.PendingAttendance.Origin;
import dev.accrue.credit.attendance.PendingAttendance.Pending;
import dev.accrue.credit.attendance.UnknownReferencePolicy.Decision;
import dev.accrue.credit.attendance.UnknownReferencePolicy.Expired;
import dev.accrue.credit.attendance.UnknownReferencePolicy.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownReferencePolicyTest {

    static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    static final UnknownReferencePolicy POLICY = new UnknownReferencePolicy(Duration.ofMinutes(10), 3, 5);
    static final String UNKNOWN = "Unknown licensee 'lic-1'";

    private static Pending pending(Attendance attendance, Instant since) {
        return new Pending(attendance, since, new Origin("accrue.attendance", 1, 42));
    }

    private static PendingAttendance held(Pending... events) {
        PendingAttendance state = PendingAttendance.none(Fixtures.LICENSEE);
        for (Pending event : events) {
            state = ((Decision.Held) POLICY.hold(state, event, UNKNOWN, 0)).next();
        }
        return state;
    }

    @Test
    void anEventWithAnUnknownReferenceIsHeldWithWhenAndWhereItArrived() {
        Pending join = pending(joined("09:00"), T0);
        Decision decision = POLICY.hold(PendingAttendance.none(Fixtures.LICENSEE), join, UNKNOWN, 0);
        assertThat(decision).isInstanceOfSatisfying(Decision.Held.class,
                held -> assertThat(held.next().events()).containsExactly(join));
    }

    @Test
    void anEventIdAlreadyHeldChangesNothing() {
        Attendance join = joined("09:00");
        PendingAttendance state = held(pending(join, T0));
        assertThat(POLICY.hold(state, pending(join, T0.plusSeconds(5)), UNKNOWN, 0)).isInstanceOf(Decision.AlreadyHeld.class);
    }

    @Test
    void anotherProvidersEventWithTheSameIdIsHeldToo() {
        // Providers choose their ids: "evt-1" in acme's session says nothing about northwind's "evt-1".
        Attendance acme = new Attendance("evt-1", "acme-session", Fixtures.LICENSEE, AttendanceType.JOINED, T0, null, null);
        Attendance northwind = new Attendance("evt-1", "northwind-session", Fixtures.LICENSEE, AttendanceType.JOINED,
                T0, null, null);
        PendingAttendance state = held(pending(acme, T0));
        assertThat(POLICY.hold(state, pending(northwind, T0), UNKNOWN, 1)).isInstanceOfSatisfying(Decision.Held.class,
                next -> assertThat(next.next().events()).extracting(Pending::attendance).containsExactly(acme, northwind));
    }

    @Test
    void oneEventMoreThanTheLimitIsRefusedAtOnceWithTheReason() {
        PendingAttendance full = held(pending(joined("09:00"), T0), pending(left("09:10"), T0), pending(joined("09:20"), T0));
        assertThat(POLICY.hold(full, pending(left("09:30"), T0), UNKNOWN, 0)).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.reason()).startsWith(UNKNOWN + "; 3 events of this licensee already wait"));
    }

    @Test
    void anEventIsRefusedOnceItsTaskHoldsTheMostItMayInTotalWhateverTheLicensee() {
        Pending first = pending(joined("09:00"), T0);
        assertThat(POLICY.hold(PendingAttendance.none(Fixtures.LICENSEE), first, UNKNOWN, 4))
                .isInstanceOf(Decision.Held.class);
        assertThat(POLICY.hold(PendingAttendance.none(Fixtures.LICENSEE), first, UNKNOWN, 5))
                .isInstanceOfSatisfying(Decision.Refused.class, refused -> assertThat(refused.reason()).isEqualTo(UNKNOWN
                        + "; 5 events already wait for an unknown licensee or session in this partition of attendance,"
                        + " the most it may hold"));
    }

    @Test
    void eventsWhoseReferencesAreKnownNowAreReleasedInArrivalOrder() {
        Pending first = pending(joined("09:00"), T0);
        Pending second = pending(left("12:00"), T0.plusSeconds(1));
        Release release = POLICY.release(held(first, second), a -> Optional.empty(), T0.plusSeconds(2));
        assertThat(release.ready()).containsExactly(first, second);
        assertThat(release.expired()).isEmpty();
        assertThat(release.remaining().holdsNone()).isTrue();
    }

    @Test
    void anEventStillUnknownWithinTheWaitKeepsWaiting() {
        PendingAttendance state = held(pending(joined("09:00"), T0));
        Release release = POLICY.release(state, a -> Optional.of(UNKNOWN), T0.plus(Duration.ofMinutes(10)).minusMillis(1));
        assertThat(release.changed()).isFalse();
        assertThat(release.remaining()).isEqualTo(state);
    }

    @Test
    void anEventStillUnknownAfterTheWaitExpiresWithAReasonThatSaysHowLongItWaited() {
        Pending join = pending(joined("09:00"), T0);
        Release release = POLICY.release(held(join), a -> Optional.of(UNKNOWN), T0.plus(Duration.ofSeconds(602)));
        assertThat(release.expired()).containsExactly(
                new Expired(join, "Unknown licensee 'lic-1', still unknown after waiting 10m 2s"));
        assertThat(release.remaining().holdsNone()).isTrue();
    }

    @Test
    void onlyTheEventsWhoseReferencesBecameKnownAreReleased() {
        Attendance elsewhere = new Attendance("e-9", "sess-2", Fixtures.LICENSEE, AttendanceType.JOINED, T0, null, null);
        Pending known = pending(joined("09:00"), T0);
        Pending unknown = pending(elsewhere, T0);
        Set<String> knownSessions = Set.of(Fixtures.SESSION);
        Release release = POLICY.release(held(known, unknown),
                a -> knownSessions.contains(a.sessionId()) ? Optional.empty() : Optional.of("Unknown session 'sess-2'"),
                T0.plusSeconds(30));
        assertThat(release.ready()).containsExactly(known);
        assertThat(release.remaining().events()).containsExactly(unknown);
    }

    @Test
    void waitsReadAsPeopleWriteThem() {
        assertThat(UnknownReferencePolicy.describe(Duration.ofMillis(750))).isEqualTo("750ms");
        assertThat(UnknownReferencePolicy.describe(Duration.ofSeconds(15))).isEqualTo("15s");
        assertThat(UnknownReferencePolicy.describe(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(UnknownReferencePolicy.describe(Duration.ofSeconds(3605))).isEqualTo("1h 0m 5s");
    }

    @Test
    void aNegativeWaitOrALimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new UnknownReferencePolicy(Duration.ofSeconds(-1), 3, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownReferencePolicy(Duration.ofSeconds(1), 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownReferencePolicy(Duration.ofSeconds(1), 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
