package dev.accrue.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    static final List<String> ORDER = List.of("ingest", "credit", "memory");
    static final String EXISTING = """
            # Benchmarks

            old header

            ## Summary

            | stale | summary |

            ## Credit topology throughput with exactly-once processing
            <!-- bench:credit -->

            Measured today.

            | metric | measured | baseline (same run) | ratio | goal |
            |---|---|---|---|---|
            | attendance events/s with EOS | 30,870 events/s | 1,366,555 events/s | 0.023 | ≥ 20,000 events/s: met |

            - a note

            ## Ingest: HTTP batch to broker acknowledgement
            <!-- bench:ingest -->

            - **Not measured in the last run:** it failed

            """;

    @Test
    void theSummaryListsEveryFigureOfTheSectionsInTheirOrderAndLinksToThem() {
        String document = BenchmarkReport.document(ORDER, EXISTING, List.of());

        assertThat(document).doesNotContain("stale").doesNotContain("old header");
        assertThat(document.indexOf("## Summary")).isLessThan(document.indexOf("## Ingest"));
        assertThat(document).contains("""
                | [Ingest: HTTP batch to broker acknowledgement](#ingest-http-batch-to-broker-acknowledgement) | not measured in the last run | | | | | |
                | [credit](#credit-topology-throughput-with-exactly-once-processing) | attendance events/s with EOS | 30,870 events/s | — | 1,366,555 events/s | 0.023 | ≥ 20,000 events/s: met |
                """);
        assertThat(document.indexOf("## Ingest")).isLessThan(document.indexOf("## Credit"));
    }

    @Test
    void aNewSectionReplacesTheOldOneAndTheSummaryFollows() {
        BenchmarkReport fresh = new BenchmarkReport("credit", "Credit topology throughput with exactly-once processing", "",
                "./accrue bench credit", List.of(new BenchmarkReport.Row("attendance events/s with EOS", "25,000 events/s",
                "1,000,000 events/s", "0.025", "≥ 20,000 events/s: met")), List.of(), "now");

        String document = BenchmarkReport.document(ORDER, EXISTING, List.of(fresh));

        assertThat(document).contains("| [credit](#credit-topology-throughput-with-exactly-once-processing) | attendance"
                + " events/s with EOS | 25,000 events/s |").doesNotContain("30,870");
    }

    static BenchmarkReport creditRun(double rate, double baseline) {
        return new BenchmarkReport("credit", "Credit topology throughput with exactly-once processing", "",
                "./accrue bench credit", List.of(new BenchmarkReport.Row("attendance events/s with EOS",
                Stats.rate(rate, "events"), "—", Stats.rate(baseline, "events"), Stats.ratio(rate, baseline),
                Stats.atLeast(rate, 20_000, "≥ 20,000 events/s"), new Stats.Figure(rate, v -> Stats.rate(v, "events")))),
                List.of(), "now");
    }

    @Test
    void runsCombineIntoTheMedianRunWithTheRangeOfAllAndTheGoalJudgedOnTheMedian() {
        BenchmarkReport combined = BenchmarkReport.ofRounds(List.of(creditRun(25_000, 1_000_000),
                creditRun(19_000, 900_000), creditRun(21_000, 1_100_000)));

        assertThat(combined.rows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("21,000 events/s");
            assertThat(row.baseline()).isEqualTo("1,100,000 events/s");
            assertThat(row.range()).isEqualTo("19,000 events/s – 25,000 events/s (3 rounds)");
            assertThat(row.goal()).startsWith("≥ 20,000 events/s: met");
        });
        assertThat(combined.section()).contains("| attendance events/s with EOS | 21,000 events/s | 19,000 events/s – "
                + "25,000 events/s (3 rounds) | 1,100,000 events/s |");
        assertThat(combined.notes()).anySatisfy(note -> assertThat(note).startsWith("3 runs, each on a fresh stack"));
    }
}
