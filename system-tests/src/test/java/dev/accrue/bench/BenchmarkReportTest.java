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
                | [Ingest: HTTP batch to broker acknowledgement](#ingest-http-batch-to-broker-acknowledgement) | not measured in the last run | | | | |
                | [credit](#credit-topology-throughput-with-exactly-once-processing) | attendance events/s with EOS | 30,870 events/s | 1,366,555 events/s | 0.023 | ≥ 20,000 events/s: met |
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
}
