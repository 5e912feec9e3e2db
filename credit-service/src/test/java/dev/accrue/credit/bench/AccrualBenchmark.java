package dev.accrue.credit.bench;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.AttendedTime;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.licensee.Licensee;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Credit for one live session with {@code participants} people (about six events each): the
 * attended-minutes computation, the decision at finalization (awards for four bodies and the
 * certificate) and a late event re-assessed after it. One operation covers every participant.
 * {@link #baselineSortEvents} merely sorts the same events, so results read as ratios to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AccrualBenchmark {

    private static final Comparator<Attendance> BY_TIME =
            Comparator.comparing(Attendance::occurredAt).thenComparing(Attendance::type);

    @Param({"200"})
    public int participants;

    private SessionDefinition session;
    private final List<Licensee> licensees = new ArrayList<>();
    private final List<List<Attendance>> events = new ArrayList<>();
    private final List<Accrual> recorded = new ArrayList<>();
    private final List<Accrual> finalized = new ArrayList<>();
    private final List<Attendance> lateEvents = new ArrayList<>();

    @Setup
    public void setUp() {
        Random random = new Random(42);
        session = BenchInputs.webinar();
        for (int i = 0; i < participants; i++) {
            Licensee licensee = BenchInputs.licensee("lic-" + i);
            List<Attendance> mine = BenchInputs.participantEvents(licensee.licenseeId(), random);
            Accrual open = BenchInputs.recorded(session, licensee, mine);
            licensees.add(licensee);
            events.add(mine);
            recorded.add(open);
            finalized.add(BenchInputs.finalized(session, licensee, open));
            lateEvents.add(new Attendance("late-" + i, session.sessionId(), licensee.licenseeId(), AttendanceType.LEFT,
                    session.startsAt().plusSeconds(5400), null, null)); // left at 10:30: the award shrinks or is revoked
        }
    }

    @Benchmark
    public void baselineSortEvents(Blackhole out) {
        for (List<Attendance> mine : events) {
            List<Attendance> sorted = new ArrayList<>(mine);
            sorted.sort(BY_TIME);
            out.consume(sorted);
        }
    }

    @Benchmark
    public void attendedMinutes(Blackhole out) {
        for (List<Attendance> mine : events) {
            out.consume(AttendedTime.of(mine.stream().map(AttendanceFact::of).toList(), session));
        }
    }

    @Benchmark
    public void decideFinalization(Blackhole out) {
        for (int i = 0; i < participants; i++) {
            out.consume(AccrualDecider.decide(recorded.get(i),
                    new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER, session, licensees.get(i)),
                    BenchInputs.CREDIT_RULES, BenchInputs.NOW));
        }
    }

    @Benchmark
    public void decideLateAttendance(Blackhole out) {
        for (int i = 0; i < participants; i++) {
            out.consume(AccrualDecider.decide(finalized.get(i),
                    new AccrualInput.RecordAttendance(lateEvents.get(i), session, licensees.get(i)),
                    BenchInputs.CREDIT_RULES, BenchInputs.NOW));
        }
    }
}
