package dev.accrue.credit.bench;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.compliance.ComplianceDecider;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
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

/**
 * Renewal compliance for a licensee with {@code awards} awards and three licences (CA-BBS,
 * NY-LMHC, TX-LPC): caps, carry-over, category minimums and largest-award-per-session, as the
 * topology runs it after each award. {@link #baselineSumAwardHours} merely adds up the same
 * awards' hours, so results read as ratios to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ComplianceBenchmark {

    private static final BoardRuleBook BOARD_RULES = BoardRuleBook.load();
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Param({"100"})
    public int awards;

    private Licensee licensee;
    private List<Award> transcript;

    @Setup
    public void setUp() {
        licensee = BenchInputs.licensee(Fixtures.LICENSEE,
                Fixtures.license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false),
                Fixtures.license("NY-LMHC", "LMHC", "2023-01-01", "2025-12-31", false),
                Fixtures.license("TX-LPC", "LPC", "2024-01-01", "2025-12-31", false));
        transcript = BenchInputs.awards(licensee.licenseeId(), awards, new Random(42));
    }

    @Benchmark
    public double baselineSumAwardHours() {
        double hours = 0;
        for (Award award : transcript) {
            hours += award.hours();
        }
        return hours;
    }

    @Benchmark
    public Object evaluateCompliance() {
        return ComplianceDecider.decide(List.of(), licensee, transcript, BOARD_RULES, NOW);
    }
}
