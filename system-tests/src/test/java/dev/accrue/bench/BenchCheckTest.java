package dev.accrue.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCheckTest {

    static BenchmarkReport credit(String value, String goal) {
        return new BenchmarkReport("credit", "Credit topology throughput with exactly-once processing", "",
                "./accrue bench credit", List.of(new BenchmarkReport.Row("attendance events/s with EOS", value,
                "1,000,000 events/s (plain consumer)", "0.02", goal)), List.of(), "now");
    }

    @Test
    void eachFigureIsPrintedBesideItsCommittedValueAndAMissedGoalFailsTheCheck() {
        List<BenchCheck.Line> lines = BenchCheck.compare(BenchmarkReportTest.EXISTING,
                List.of(credit("12,000 events/s", "≥ 20,000 events/s: not met (0.60× the goal)")));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.committed()).startsWith("30,870 events/s (ratio 0.023");
            assertThat(line.now()).startsWith("12,000 events/s (ratio 0.02");
            assertThat(line.missed()).isTrue();
        });
        assertThat(BenchCheck.print(lines)).startsWith("MISSED  credit | attendance events/s with EOS")
                .endsWith("1 figure(s) miss their goal on this machine.\n");
    }

    @Test
    void aMetGoalPassesAndABenchmarkThatDidNotFinishFails() {
        assertThat(BenchCheck.compare(BenchmarkReportTest.EXISTING,
                List.of(credit("25,000 events/s", "≥ 20,000 events/s: met (1.25× the goal)"))))
                .noneMatch(BenchCheck.Line::missed);
        BenchmarkReport failed = new BenchmarkReport("ingest", "Ingest", "", "./accrue bench ingest", List.of(),
                List.of("**Not measured in the last run:** it failed"), "now");
        assertThat(BenchCheck.compare(BenchmarkReportTest.EXISTING, List.of(failed))).singleElement()
                .extracting(BenchCheck.Line::missed).isEqualTo(true);
    }

    @Test
    void aFigureOutsideTheCommittedRangeIsMarkedWithoutFailingTheCheck() {
        String committed = BenchmarkReport.document(BenchmarkReportTest.ORDER, "", List.of(BenchmarkReport.ofRounds(List.of(
                BenchmarkReportTest.creditRun(25_000, 1_000_000), BenchmarkReportTest.creditRun(23_000, 1_000_000),
                BenchmarkReportTest.creditRun(24_000, 1_000_000)))));

        List<BenchCheck.Line> inside = BenchCheck.compare(committed, List.of(BenchmarkReportTest.creditRun(24_500, 1_000_000)));
        List<BenchCheck.Line> below = BenchCheck.compare(committed, List.of(BenchmarkReportTest.creditRun(21_000, 1_000_000)));

        assertThat(inside).singleElement().satisfies(line -> assertThat(line.outside()).isFalse());
        assertThat(below).singleElement().satisfies(line -> {
            assertThat(line.outside()).isTrue();
            assertThat(line.missed()).isFalse();
            assertThat(line.committed()).contains("range 23,000 events/s – 25,000 events/s (3 rounds)");
        });
        assertThat(BenchCheck.print(below)).startsWith("OUTSIDE credit").endsWith("Every goal is met on this machine. "
                + "1 figure(s) fall outside the committed range.\n");
    }

    @Test
    void aRangeIsReadBackAroundItsDashWhateverTheLabel() {
        assertThat(BenchCheck.range("p99 214 ms – 1,300 ms (3 rounds)")).hasValueSatisfying(r ->
                assertThat(r).containsExactly(214, 1300));
        assertThat(BenchCheck.range("ratio 0.85 – 0.95 (3 rounds)")).hasValueSatisfying(r ->
                assertThat(r).containsExactly(0.85, 0.95));
        assertThat(BenchCheck.range("—")).isEmpty();
        assertThat(Stats.range(List.of(0.27, 0.2, 0.25), v -> "ratio " + Stats.ratio(v, 1)))
                .isEqualTo("ratio 0.20 – 0.27 (3 rounds)");
        assertThat(Stats.range(List.of(214.0, 1300.0), v -> "p99 " + Stats.millis(v))).isEqualTo("p99 214 ms – 1,300 ms (2 rounds)");
    }
}
