package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The external version that decides which write of a participation Elasticsearch keeps. */
class ParticipationVersionTest {

    static final Instant FIRST = Instant.parse("2025-01-06T15:00:00Z");

    static ParticipationDocument participation(Instant at, boolean resolved) {
        return resolved
                ? new ParticipationDocument("L1|S1", "L1", "S1", at, true, "C1", "acme/C1", "acme", "Ethics", "IN_PERSON",
                        2.0, List.of("GENERAL"), List.of("APA"))
                : new ParticipationDocument("L1|S1", "L1", "S1", at, false, null, null, null, null, null, null,
                        List.of(), List.of());
    }

    @Test
    void theResolvedDocumentOfAnEventBeatsItsPendingOne() {
        assertThat(participation(FIRST, true).version()).isEqualTo(participation(FIRST, false).version() + 1);
    }

    @Test
    void anEarlierEventBeatsALaterOneResolvedOrNot() {
        Instant later = FIRST.plusMillis(1);
        assertThat(participation(FIRST, false).version()).isGreaterThan(participation(later, true).version());
        assertThat(participation(FIRST, true).version()).isGreaterThan(participation(later, false).version());
    }

    @Test
    void versionsStayNonNegativeWhateverTheTime() {
        assertThat(participation(Instant.ofEpochMilli(Long.MAX_VALUE), false).version()).isZero();
        assertThat(participation(Instant.ofEpochMilli(Long.MAX_VALUE), true).version()).isOne();
        assertThat(participation(Instant.ofEpochMilli(-5), true).version())
                .isEqualTo(participation(Instant.EPOCH, true).version())
                .isEqualTo(Long.MAX_VALUE); // 2 * (Long.MAX_VALUE / 2) + 1
    }

    @Test
    void aParticipationIsWrittenWithItsVersion() {
        DocumentWrite.Put put = (DocumentWrite.Put) participation(FIRST, true).write();
        assertThat(put.index()).isEqualTo(Indices.PARTICIPATIONS);
        assertThat(put.externalVersion()).hasValue(participation(FIRST, true).version());
    }
}
