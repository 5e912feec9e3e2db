package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.award;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.accrual.TranscriptLimit;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Format;
import dev.accrue.events.Rejection;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A licensee whose transcript is full gets no new award: the input that would add one goes to rejections in the
 * processor's transaction, and the transcript (one changelog record) stays within {@link TranscriptLimit}.
 */
class TranscriptLimitTopologyTest extends CreditTopologyHarness {

    private KeyValueStore<String, Transcript> transcripts;
    private Transcript full;

    @BeforeEach
    void fillTheTranscript() {
        transcripts = driver.getKeyValueStore(CreditTopology.TRANSCRIPT_STORE);
        full = Transcript.empty(LICENSEE);
        for (int i = 0; i < TranscriptLimit.AWARDS; i++) {
            full = full.with(award("past-" + i, "course", ApprovalBody.APA, 1, Format.LIVE_WEBINAR, "2024-01-01"));
        }
        transcripts.put(LICENSEE, full);
    }

    @Test
    void finalizingASessionForALicenseeWithAFullTranscriptGrantsNothingAndSaysWhyOnce() {
        attend(joined("09:00"), left("12:00"));
        close();
        settle();

        assertThat(credits.isEmpty()).isTrue();
        assertThat(certificates.isEmpty()).isTrue();
        assertThat(transcripts.get(LICENSEE)).isEqualTo(full);
        assertThat(rejections.readValuesToList()).singleElement().satisfies(rejection -> {
            assertThat(rejection.getSourceTopic()).isEqualTo(AttendanceProcessor.FINALIZATION);
            assertThat(rejection.getKey()).isEqualTo(LICENSEE);
            assertThat(rejection.getReason()).contains("already has " + TranscriptLimit.AWARDS + " awards",
                    "'" + SESSION + "'", "was not granted");
        });
    }

    @Test
    void attendanceThatWouldAddAnAwardAfterFinalizationIsRejectedWithItsOrigin() {
        attend(joined("09:00"));
        close();
        rejections.readValuesToList(); // the finalization's refusal

        attend(left("12:00"));

        assertThat(credits.isEmpty()).isTrue();
        assertThat(transcripts.get(LICENSEE)).isEqualTo(full);
        assertThat(rejections.readValuesToList()).singleElement().satisfies(rejection -> {
            assertThat(rejection.getSourceTopic()).isEqualTo(TOPICS.attendance());
            assertThat(rejection.getReason()).contains("was not granted");
        });
    }

    @Test
    void aLicenseeWithRoomForTheSessionsAwardsIsStillCredited() {
        transcripts.put(LICENSEE, new Transcript(LICENSEE, full.awards().subList(2, TranscriptLimit.AWARDS)));

        attend(joined("09:00"), left("12:00"));
        close();

        assertThat(credits.readValuesToList()).hasSize(2);
        assertThat(rejections.isEmpty()).isTrue();
        assertThat(transcripts.get(LICENSEE).awards()).hasSize(TranscriptLimit.AWARDS);
    }
}
