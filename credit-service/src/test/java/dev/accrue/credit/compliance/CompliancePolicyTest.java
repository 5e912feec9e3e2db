package dev.accrue.credit.compliance;

import static dev.accrue.credit.Fixtures.award;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.licensee.License;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The five boards' rule files (rules/boards/*-2025.1.yaml) applied to one licence. */
class CompliancePolicyTest {

    private static final BoardRuleBook RULES = BoardRuleBook.load();
    private static final Instant MID_CYCLE = Instant.parse("2025-06-01T00:00:00Z");

    private static ComplianceReport evaluate(License license, List<Award> awards, Instant now) {
        return CompliancePolicy.evaluate("lic-1", license, awards,
                RULES.forCycle(license.board(), license.cycleEnd()).orElseThrow(), now);
    }

    private static List<Award> general(int sessions, double hours, Format format, String day) {
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            awards.add(award("s-" + format + i, "c-" + format + i, ApprovalBody.APA, hours, format, day));
        }
        return awards;
    }

    /** The same award, completed at another instant. */
    private static Award completedAt(Award a, String instant) {
        return AwardBuilder.from(a).completedAt(Instant.parse(instant)).build();
    }

    private static CategoryHours cat(Category category, double hours) {
        return new CategoryHours(category, hours);
    }

    @Nested
    class CaliforniaBbs {
        private final License lmft = license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false);

        @Test
        void thirtySixHoursWithLawAndEthicsAndTheOneTimeCoursesIsComplete() {
            List<Award> awards = new ArrayList<>(general(6, 4, Format.LIVE_WEBINAR, "2024-05-01"));
            awards.add(award("le", "le", ApprovalBody.APA, 6, Format.LIVE_WEBINAR, "2024-06-01", cat(Category.LAW_AND_ETHICS, 6)));
            awards.add(award("hiv", "hiv", ApprovalBody.APA, 7, Format.IN_PERSON, "2019-06-01", cat(Category.HIV_AIDS, 7)));
            awards.add(award("sui", "sui", ApprovalBody.APA, 6, Format.IN_PERSON, "2024-07-01", cat(Category.SUICIDE_PREVENTION, 6)));
            awards.add(award("tele", "tele", ApprovalBody.APA, 3, Format.IN_PERSON, "2024-08-01", cat(Category.TELEHEALTH, 3)));
            ComplianceReport report = evaluate(lmft, awards, MID_CYCLE);
            assertThat(report.requiredHours()).isEqualTo(36);
            assertThat(report.status()).isEqualTo(ComplianceState.COMPLETE);
        }

        @Test
        void aOneTimeCourseFromAnEarlierCycleStillCountsTowardItsMinimum() {
            var awards = List.of(award("hiv", "hiv", ApprovalBody.APA, 7, Format.IN_PERSON, "2019-06-01", cat(Category.HIV_AIDS, 7)));
            ComplianceReport report = evaluate(lmft, awards, MID_CYCLE);
            assertThat(report.categories()).filteredOn(c -> c.category() == Category.HIV_AIDS)
                    .singleElement().satisfies(c -> assertThat(c.met()).isTrue());
            assertThat(report.earnedHours()).isZero();
        }

        @Test
        void hoursWithoutSixOfLawAndEthicsAreNotComplete() {
            ComplianceReport report = evaluate(lmft, general(9, 4, Format.LIVE_WEBINAR, "2024-05-01"), MID_CYCLE);
            assertThat(report.remainingHours()).isZero();
            assertThat(report.status()).isEqualTo(ComplianceState.ON_TRACK);
        }

        @Test
        void theFirstRenewalRequiresTheReducedEighteenHours() {
            License first = license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", true);
            assertThat(evaluate(first, List.of(), MID_CYCLE).requiredHours()).isEqualTo(18);
        }
    }

    @Nested
    class TexasLpc {
        private final License lpc = license("TX-LPC", "LPC", "2025-01-01", "2026-12-31", false);

        @Test
        void upToTenHoursAboveThePreviousCyclesRequirementCarryOver() {
            ComplianceReport report = evaluate(lpc, general(9, 4, Format.LIVE_WEBINAR, "2024-03-01"), MID_CYCLE);
            assertThat(report.countedHours()).isEqualTo(10);
            assertThat(report.remainingHours()).isEqualTo(14);
        }

        @Test
        void supervisorsNeedSixHoursOfSupervisionWithinTheTwentyFour() {
            License supervisor = license("TX-LPC", "LPC-S", "2025-01-01", "2026-12-31", false);
            assertThat(evaluate(supervisor, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.LAW_AND_ETHICS, Category.CULTURAL_DIVERSITY, Category.SUPERVISION);
            assertThat(evaluate(lpc, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.LAW_AND_ETHICS, Category.CULTURAL_DIVERSITY);
        }
    }

    @Nested
    class Florida491 {
        @Test
        void theFirstRenewalIsExempt() {
            License first = license("FL-491", "LMHC", "2023-04-01", "2025-03-31", true);
            ComplianceReport report = evaluate(first, List.of(), Instant.parse("2025-03-01T00:00:00Z"));
            assertThat(report.status()).isEqualTo(ComplianceState.EXEMPT);
            assertThat(report.requiredHours()).isZero();
        }

        @Test
        void lawsAndRulesAndDomesticViolenceAreRequiredEveryThirdBiennium() {
            License third = license("FL-491", "LMHC", "2025-04-01", "2027-03-31", false);
            License other = license("FL-491", "LMHC", "2023-04-01", "2025-03-31", false);
            assertThat(evaluate(third, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .contains(Category.LAWS_AND_RULES, Category.DOMESTIC_VIOLENCE);
            assertThat(evaluate(other, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.LAW_AND_ETHICS, Category.MEDICAL_ERRORS);
        }
    }

    @Nested
    class NewYorkLmhc {
        private final License lmhc = license("NY-LMHC", "LMHC", "2024-01-01", "2026-12-31", false);
        /** A later registration period of two years instead of three. */
        private final License shorter = license("NY-LMHC", "LMHC", "2025-01-01", "2026-12-31", false);

        /** {@code selfStudy} self-study and {@code live} live-webinar sessions of 3 h each, all on the day. */
        private List<Award> selfStudyAndLive(int selfStudy, int live, String day) {
            List<Award> awards = new ArrayList<>(general(selfStudy, 3, Format.SELF_STUDY, day));
            awards.addAll(general(live, 3, Format.LIVE_WEBINAR, day));
            return awards;
        }

        @Test
        void atMostTwelveOfTheThirtySixHoursMayBeSelfStudy() {
            ComplianceReport report = evaluate(lmhc, selfStudyAndLive(6, 4, "2024-05-01"), MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(30);
            assertThat(report.countedHours()).isEqualTo(24);
            assertThat(report.remainingHours()).isEqualTo(12);
        }

        @Test
        void aShorterLaterPeriodIsProRatedByMonth() {
            assertThat(evaluate(shorter, List.of(), MID_CYCLE).requiredHours()).isEqualTo(24);
        }

        @Test
        void inAProRatedPeriodSelfStudyCountsForAtMostAThirdOfTheRequirement() {
            ComplianceReport report = evaluate(shorter, selfStudyAndLive(4, 4, "2025-05-01"), MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(24);
            assertThat(report.countedHours()).isEqualTo(20);
            assertThat(report.remainingHours()).isEqualTo(4);
        }

        @Test
        void theFirstRegistrationPeriodIsExempt() {
            License first = license("NY-LMHC", "LMHC", "2024-01-01", "2026-12-31", true);
            assertThat(evaluate(first, List.of(), MID_CYCLE).status()).isEqualTo(ComplianceState.EXEMPT);
        }
    }

    @Nested
    class OhioCswmft {
        private final License lpc = license("OH-CSWMFT", "LPC", "2024-11-01", "2026-10-31", false);

        @Test
        void aCourseTakenTwiceInOneCycleCountsOnce() {
            var awards = List.of(
                    award("s-1", "course-x", ApprovalBody.NBCC, 3, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-2", "course-x", ApprovalBody.NBCC, 3, Format.LIVE_WEBINAR, "2025-04-10"));
            assertThat(evaluate(lpc, awards, MID_CYCLE).earnedHours()).isEqualTo(3);
        }

        @Test
        void thirtyHoursWithThreeOfEthicsIsComplete() {
            List<Award> awards = new ArrayList<>(general(9, 3, Format.LIVE_WEBINAR, "2025-02-01"));
            awards.add(award("eth", "eth", ApprovalBody.NBCC, 3, Format.LIVE_WEBINAR, "2025-02-02", cat(Category.LAW_AND_ETHICS, 3)));
            assertThat(evaluate(lpc, awards, MID_CYCLE).status()).isEqualTo(ComplianceState.COMPLETE);
        }
    }

    @Nested
    class AnyBoard {
        private final License lpc = license("OH-CSWMFT", "LPC", "2024-11-01", "2026-10-31", false);

        @Test
        void aSessionApprovedBySeveralBodiesCountsOnceWithItsLargestAward() {
            var awards = List.of(
                    award("s-1", "c-1", ApprovalBody.APA, 0, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-1", "c-1", ApprovalBody.IACET, 2.5, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-1", "c-1", ApprovalBody.STATE_BOARD, 2, Format.LIVE_WEBINAR, "2025-01-10"));
            assertThat(evaluate(lpc, awards, MID_CYCLE).earnedHours()).isEqualTo(2.5);
        }

        @Test
        void awardsOutsideTheCycleDoNotCount() {
            var awards = List.of(award("s-1", "c-1", ApprovalBody.APA, 3, Format.LIVE_WEBINAR, "2024-10-31"));
            assertThat(evaluate(lpc, awards, MID_CYCLE).earnedHours()).isZero();
        }

        @Test
        void missingHoursWithFewerThan90DaysLeftAreAtRisk() {
            assertThat(evaluate(lpc, List.of(), Instant.parse("2026-08-15T00:00:00Z")).status())
                    .isEqualTo(ComplianceState.AT_RISK);
        }

        @Test
        void missingHoursAfterTheCycleEndedAreOverdue() {
            // 01:00 on 1 November in Ohio: the cycle ended at midnight there.
            assertThat(evaluate(lpc, List.of(), Instant.parse("2026-11-01T05:00:00Z")).status())
                    .isEqualTo(ComplianceState.OVERDUE);
        }

        @Test
        void theCycleEndsAtMidnightInTheBoardsTimeZoneNotInUtc() {
            // 20:00 on 31 October in Ohio (already 1 November in UTC): the last day, not yet overdue.
            assertThat(evaluate(lpc, List.of(), Instant.parse("2026-11-01T00:00:00Z")).status())
                    .isEqualTo(ComplianceState.AT_RISK);
            // A session ending at 21:30 on the cycle's last day there counts in the cycle, not the next one.
            Award lastEvening = completedAt(award("s-1", "c-1", ApprovalBody.APA, 3, Format.LIVE_WEBINAR, "2026-10-31"),
                    "2026-11-01T01:30:00Z");
            assertThat(evaluate(lpc, List.of(lastEvening), MID_CYCLE).earnedHours()).isEqualTo(3);
        }

        @Test
        void missingHoursWithMoreTimeLeftAreOnTrack() {
            assertThat(evaluate(lpc, List.of(), MID_CYCLE).status()).isEqualTo(ComplianceState.ON_TRACK);
        }
    }

    @Nested
    class Decider {
        private final License lpc = license("OH-CSWMFT", "LPC", "2024-11-01", "2026-10-31", false);

        @Test
        void aNewEvaluationWithTheSameStandingIsNotAChange() {
            var first = ComplianceDecider.decide(List.of(), licensee(lpc), List.of(), RULES, MID_CYCLE);
            var again = ComplianceDecider.decide(first, licensee(lpc), List.of(), RULES, MID_CYCLE.plusSeconds(60));
            assertThat(first).hasSize(1);
            assertThat(again).isEmpty();
        }

        @Test
        void aNewAwardChangesTheStanding() {
            var first = ComplianceDecider.decide(List.of(), licensee(lpc), List.of(), RULES, MID_CYCLE);
            var next = ComplianceDecider.decide(first, licensee(lpc),
                    general(1, 3, Format.LIVE_WEBINAR, "2025-02-01"), RULES, MID_CYCLE);
            assertThat(next).singleElement().satisfies(r -> assertThat(r.earnedHours()).isEqualTo(3));
        }

        @Test
        void aLicenceOfABoardWithoutRulesGetsNoReport() {
            var unknown = license("ZZ-NONE", "X", "2024-01-01", "2025-12-31", false);
            assertThat(ComplianceDecider.decide(List.of(), licensee(unknown), List.of(), RULES, MID_CYCLE)).isEmpty();
        }
    }
}
