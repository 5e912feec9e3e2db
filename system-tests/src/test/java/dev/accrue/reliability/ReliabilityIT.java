package dev.accrue.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite's quick mode, as CI runs it: every scenario breaks real processes and must
 * keep its promise. Its report goes to target/RELIABILITY-quick.md (the committed RELIABILITY.md
 * comes from the full run, {@code ./accrue reliability}).
 */
class ReliabilityIT {

    @Test
    void everyScenarioKeepsItsPromiseUnderFaults() {
        Path target = Path.of("target").toAbsolutePath();
        List<ScenarioResult> results = ReliabilitySuite.run(Settings.quick(20261202L), target);
        ReliabilityReport.write(target.resolve("RELIABILITY-quick.md"), "ReliabilityIT (./accrue reliability --quick)", results);

        assertThat(results).extracting(ScenarioResult::name).hasSize(7);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.failures()).as(r.name()).isEmpty();
            assertThat(r.sent()).as(r.name() + " sent").isPositive();
            assertThat(r.lost()).as(r.name() + " lost").isZero();
            assertThat(r.duplicated()).as(r.name() + " duplicated").isZero();
        });
    }
}
