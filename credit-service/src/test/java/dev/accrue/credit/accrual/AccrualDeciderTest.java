package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.Approval;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertificateNumber;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccrualDeciderTest {

    @Test
    void noAwardIsDecidedBeforeTheSessionIsFinalized() {
        var accruals = new Accruals(live(3, ApprovalBody.APA)).record(joined("09:00")).record(left("12:00"));
        assertThat(accruals.awards()).isEmpty();
    }

    @Test
    void finalizationAwardsOneAwardPerBodyAboveZero() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA, ApprovalBody.IACET),
                List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards()).extracting(Award::body, Award::hours, Award::revision)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ApprovalBody.APA, 3.0, 1),
                        org.assertj.core.groups.Tuple.tuple(ApprovalBody.IACET, 3.0, 1));
    }

    @Test
    void theAwardIdIsDerivedFromLicenseeSessionAndBody() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards().get(0).awardId()).isEqualTo(AwardId.of(LICENSEE, SESSION, new ApprovalKey(ApprovalBody.APA, null)));
    }

    @Test
    void twoStateBoardsApprovalsOfOneSessionAreTwoAwardsWithTheirOwnIds() {
        SessionDefinition s = live(3);
        SessionDefinition twoBoards = new SessionDefinition(s.sessionId(), s.courseId(), s.providerId(), s.title(),
                s.format(), s.startsAt(), s.endsAt(), s.timeZone(), s.breaks(), s.creditHours(), s.categories(),
                List.of(new Approval(ApprovalBody.STATE_BOARD, "FL", "50-1234"),
                        new Approval(ApprovalBody.STATE_BOARD, "OH", "RCS-0999")), null, null, null, List.of());
        var accruals = Accruals.finalizedWith(twoBoards, List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards()).extracting(Award::jurisdiction, Award::approvalId, Award::hours)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("FL", "50-1234", 3.0),
                        org.assertj.core.groups.Tuple.tuple("OH", "RCS-0999", 3.0));
        assertThat(accruals.awards()).extracting(Award::awardId).doesNotHaveDuplicates()
                .contains(AwardId.of(LICENSEE, SESSION, new ApprovalKey(ApprovalBody.STATE_BOARD, "FL")));
        assertThat(accruals.certificates()).last().satisfies(c -> assertThat(c.awards()).hasSize(2));
    }

    @Test
    void aRepeatedEventIdChangesNothing() {
        Attendance join = joined("09:00");
        var accruals = new Accruals(live(3, ApprovalBody.APA)).record(join);
        int before = accruals.emitted.size();
        accruals.record(join);
        assertThat(accruals.emitted).hasSize(before);
    }

    @Test
    void finalizingTwiceDecidesNothingTheSecondTime() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        int before = accruals.emitted.size();
        accruals.finalizeSession();
        assertThat(accruals.emitted).hasSize(before);
    }

    @Test
    void aLateEventThatChangesTheHoursEmitsANewRevisionOfTheSameAward() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.IACET), List.of(joined("09:00"), left("10:00")));
        accruals.record(joined("10:00")).record(left("12:00"));
        assertThat(accruals.awards()).extracting(Award::revision, Award::hours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1.0), org.assertj.core.groups.Tuple.tuple(2, 3.0));
        assertThat(accruals.awards()).extracting(Award::awardId).containsOnly(accruals.awards().get(0).awardId());
    }

    @Test
    void aLateEventThatLeavesTheOutcomeUnchangedEmitsNothingNew() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        accruals.record(joined("09:30"));
        assertThat(accruals.awards()).hasSize(1);
    }

    @Test
    void aLateLeaveThatDropsBelowTheToleranceRevokesTheAwardWithZeroHours() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00")));
        accruals.record(left("10:00"));
        assertThat(accruals.awards()).extracting(Award::revision, Award::hours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3.0), org.assertj.core.groups.Tuple.tuple(2, 0.0));
    }

    @Test
    void aLostLeaveOfAConnectionEarnsNoAwardAndItsLateArrivalGrantsTheFullOne() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00", "laptop")));
        assertThat(accruals.awards()).as("nothing is evidence of presence after 09:00").isEmpty();

        accruals.record(left("12:00", "laptop"));

        assertThat(accruals.awards()).extracting(Award::revision, Award::hours).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3.0));
    }

    @Test
    void twoDevicesJoiningInTheSameSecondEarnTheFullAwardWhenOneLeavesEarly() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00", "phone"),
                joined("09:00", "laptop"), left("09:20", "phone"), left("12:00", "laptop")));

        assertThat(accruals.awards()).extracting(Award::hours, Award::attendedMinutes).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3.0, 180));
    }

    @Test
    void aRevokedAwardRevisesTheCertificateToNoAwards() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00")));
        accruals.record(left("10:00"));
        assertThat(accruals.certificates()).extracting(Certificate::revision, Certificate::revoked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
    }

    @Test
    void aPartialAwardScalesTheCategoryHoursDown() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.STATE_BOARD), List.of(joined("09:00"), left("10:30")));
        assertThat(accruals.awards().get(0).categories()).containsExactly(
                new CategoryHours(Category.LAW_AND_ETHICS, 1.0), new CategoryHours(Category.TELEHEALTH, 0.5));
    }

    @Test
    void aFullAwardCarriesTheSessionCategoryHours() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("09:00"), left("12:00")));
        assertThat(accruals.awards().get(0).categories()).containsExactly(
                new CategoryHours(Category.LAW_AND_ETHICS, 2), new CategoryHours(Category.TELEHEALTH, 1));
    }

    @Test
    void oneCertificateListsEveryAwardAboveZeroUnderADeterministicNumber() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA, ApprovalBody.STATE_BOARD),
                List.of(joined("09:00"), left("11:00")));
        assertThat(accruals.certificates()).singleElement().satisfies(c -> {
            assertThat(c.certificateId()).isEqualTo(CertificateNumber.of(LICENSEE, SESSION));
            assertThat(c.awards()).extracting(a -> a.body()).containsExactly(ApprovalBody.STATE_BOARD);
            assertThat(c.participantName()).isEqualTo("Ada Lovelace");
        });
    }

    @Test
    void noCertificateIsIssuedWhenEveryAwardIsZero() {
        var accruals = Accruals.finalizedWith(live(3, ApprovalBody.APA), List.of(joined("11:00"), left("12:00")));
        assertThat(accruals.certificates()).isEmpty();
    }
}
