package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.completed;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.live;
import static dev.accrue.credit.Fixtures.selfStudy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import org.junit.jupiter.api.Test;

class SessionFitPolicyTest {

    @Test
    void aJoinFitsALiveSessionAndACompletionASelfStudyOne() {
        assertThat(SessionFitPolicy.misfit(joined("09:00"), live(3, ApprovalBody.APA))).isEmpty();
        assertThat(SessionFitPolicy.misfit(completed("09:00", 90), selfStudy(3, 75.0, ApprovalBody.APA))).isEmpty();
    }

    @Test
    void aCompletionForALiveSessionIsRefusedSayingWhatTheSessionIs() {
        assertThat(SessionFitPolicy.misfit(completed("09:00", 90), live(3, ApprovalBody.APA)))
                .hasValue("SELF_STUDY_COMPLETED does not fit session 'sess-1', which is live");
    }

    @Test
    void aJoinForASelfStudySessionIsRefused() {
        assertThat(SessionFitPolicy.misfit(joined("09:00"), selfStudy(3, 75.0, ApprovalBody.APA)))
                .hasValue("JOINED does not fit session 'self-1', which is self-study");
    }
}
