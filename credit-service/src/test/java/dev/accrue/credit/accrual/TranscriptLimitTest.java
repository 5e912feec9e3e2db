package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.award;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transcript holds at most {@link TranscriptLimit#AWARDS} awards; a new one past it is refused, a revision never. */
class TranscriptLimitTest {

    static Transcript full() {
        Transcript transcript = Transcript.empty("lic-1");
        for (int i = 0; i < TranscriptLimit.AWARDS; i++) {
            transcript = transcript.with(award("past-" + i, "course", ApprovalBody.APA, 1, Format.LIVE_WEBINAR, "2024-01-01"));
        }
        return transcript;
    }

    @Test
    void aNewAwardOnAFullTranscriptIsRefusedWithTheReason() {
        Award next = award("sess-new", "course", ApprovalBody.APA, 3, Format.LIVE_WEBINAR, "2025-03-10");

        assertThat(TranscriptLimit.refusal(full(), List.of(next))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'lic-1' already has " + TranscriptLimit.AWARDS + " awards", "'sess-new'", "was not granted"));
    }

    @Test
    void aRevisionOfAnAwardAlreadyOnAFullTranscriptIsNotRefused() {
        Award revision = award("past-7", "course", ApprovalBody.APA, 0, Format.LIVE_WEBINAR, "2024-01-01");

        assertThat(TranscriptLimit.refusal(full(), List.of(revision))).isEmpty();
    }

    @Test
    void awardsThatFillTheTranscriptExactlyAreAcceptedAndOneMoreIsNot() {
        Transcript almost = Transcript.empty("lic-1");
        for (int i = 0; i < TranscriptLimit.AWARDS - 2; i++) {
            almost = almost.with(award("past-" + i, "course", ApprovalBody.APA, 1, Format.LIVE_WEBINAR, "2024-01-01"));
        }
        List<Award> two = List.of(award("s", "c", ApprovalBody.APA, 3, Format.LIVE_WEBINAR, "2025-03-10"),
                award("s", "c", ApprovalBody.IACET, 3, Format.LIVE_WEBINAR, "2025-03-10"));
        List<Award> three = List.of(two.get(0), two.get(1), award("s", "c", ApprovalBody.NBCC, 3, Format.LIVE_WEBINAR, "2025-03-10"));

        assertThat(TranscriptLimit.refusal(almost, two)).isEmpty();
        assertThat(TranscriptLimit.refusal(almost, three)).isPresent();
    }
}
