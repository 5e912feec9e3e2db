package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertificateNumber;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccrualDeciderTest {

    @Test
    void no_award_is_decided_before_the_session_is_finalized() {
        var accruals = new Accruals(live(3, ApprovalBody.APA)).record(joined("09:00")).record(left("12:00"));
        assertThat(accruals.awards()).isEmpty();
    }

    @Test
    void finalization_awards_one_award_per_body_above_zero() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA, ApprovalBody.IACET),
                List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards()).extracting(Award::body, Award::hours, Award::revision)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ApprovalBody.APA, 3.0, 1),
                        org.assertj.core.groups.Tuple.tuple(ApprovalBody.IACET, 3.0, 1));
    }

    @Test
    void the_award_id_is_derived_from_licensee_session_and_body() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards().get(0).awardId()).isEqualTo(AwardId.of(LICENSEE, SESSION, ApprovalBody.APA));
    }

    @Test
    void a_repeated_event_id_changes_nothing() {
        Attendance join = joined("09:00");
        var accruals = new Accruals(live(3, ApprovalBody.APA)).record(join);
        int before = accruals.emitted.size();
        accruals.record(join);
        assertThat(accruals.emitted).hasSize(before);
    }

    @Test
    void finalizing_twice_decides_nothing_the_second_time() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        int before = accruals.emitted.size();
        accruals.finalizeSession();
        assertThat(accruals.emitted).hasSize(before);
    }

    @Test
    void a_late_event_that_changes_the_hours_emits_a_new_revision_of_the_same_award() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.IACET), List.of(joined("09:00"), left("10:00")));
        accruals.record(joined("10:00")).record(left("12:00"));
        assertThat(accruals.awards()).extracting(Award::revision, Award::hours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1.0), org.assertj.core.groups.Tuple.tuple(2, 3.0));
        assertThat(accruals.awards()).extracting(Award::awardId).containsOnly(accruals.awards().get(0).awardId());
    }

    @Test
    void a_late_event_that_leaves_the_outcome_unchanged_emits_nothing_new() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        accruals.record(joined("09:30"));
        assertThat(accruals.awards()).hasSize(1);
    }

    @Test
    void a_late_leave_that_drops_below_the_tolerance_revokes_the_award_with_zero_hours() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00")));
        accruals.record(left("10:00"));
        assertThat(accruals.awards()).extracting(Award::revision, Award::hours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3.0), org.assertj.core.groups.Tuple.tuple(2, 0.0));
    }

    @Test
    void a_revoked_award_revises_the_certificate_to_no_awards() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00")));
        accruals.record(left("10:00"));
        assertThat(accruals.certificates()).extracting(Certificate::revision, Certificate::revoked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
    }

    @Test
    void a_partial_award_scales_the_category_hours_down() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.STATE_BOARD), List.of(joined("09:00"), left("10:30")));
        assertThat(accruals.awards().get(0).categories()).containsExactly(
                new CategoryHours(Category.LAW_AND_ETHICS, 1.0), new CategoryHours(Category.TELEHEALTH, 0.5));
    }

    @Test
    void a_full_award_carries_the_session_category_hours() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards().get(0).categories()).containsExactly(
                new CategoryHours(Category.LAW_AND_ETHICS, 2), new CategoryHours(Category.TELEHEALTH, 1));
    }

    @Test
    void one_certificate_lists_every_award_above_zero_under_a_deterministic_number() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA, ApprovalBody.STATE_BOARD),
                List.of(joined("09:00"), left("11:00")));
        assertThat(accruals.certificates()).singleElement().satisfies(c -> {
            assertThat(c.certificateId()).isEqualTo(CertificateNumber.of(LICENSEE, SESSION));
            assertThat(c.awards()).extracting(a -> a.body()).containsExactly(ApprovalBody.STATE_BOARD);
            assertThat(c.participantName()).isEqualTo("Ada Lovelace");
        });
    }

    @Test
    void no_certificate_is_issued_when_every_award_is_zero() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("11:00"), left("12:00")));
        assertThat(accruals.certificates()).isEmpty();
    }
}
