package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteOutcomeTest {

    @Test
    void successfulWritesAreWritten() {
        assertThat(WriteOutcome.of(200, false)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(WriteOutcome.of(201, false)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void aVersionConflictMeansTheIndexAlreadyHasThisOrANewerRevision() {
        assertThat(WriteOutcome.of(409, false)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void deletingWhatIsAlreadyGoneIsDone() {
        assertThat(WriteOutcome.of(404, true)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(WriteOutcome.of(404, false)).isEqualTo(WriteOutcome.REJECTED);
    }

    @Test
    void overloadOutagesAndMissingAnswersAreRetried() {
        assertThat(WriteOutcome.of(429, false)).isEqualTo(WriteOutcome.RETRY);
        assertThat(WriteOutcome.of(503, false)).isEqualTo(WriteOutcome.RETRY);
        assertThat(WriteOutcome.of(0, false)).isEqualTo(WriteOutcome.RETRY);
    }

    @Test
    void mappingRejectionsCanNeverSucceed() {
        assertThat(WriteOutcome.of(400, false)).isEqualTo(WriteOutcome.REJECTED);
    }
}
