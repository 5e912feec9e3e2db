package dev.accrue.credit.compliance;

import static dev.accrue.credit.Fixtures.award;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.compliance.NotCounted.Reason;
import dev.accrue.credit.licensee.License;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The five boards' rule files (rules/boards/*-2026.1.yaml) applied to one licence, worked by hand: which
 * credit counts, which does not and why, and each board's own categories and requirements.
 */
class CompliancePolicyTest {

    private static final BoardRuleBook RULES = BoardRuleBook.load();
    private static final Instant MID_CYCLE = Instant.parse("2025-06-01T00:00:00Z");

    private static ComplianceReport evaluate(License license, List<Award> awards, Instant now) {
        return CompliancePolicy.evaluate("lic-1", license, awards,
                RULES.forCycle(license.board(), license.cycleEnd()).orElseThrow(), now);
    }

    /** {@code sessions} distinct courses of {@code hours} each, approved by {@code approval}, on {@code day}. */
    private static List<Award> general(String approval, int sessions, double hours, Format format, String day) {
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            awards.add(award("s-" + format + i, "c-" + format + i, approval, hours, format, day));
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

    private static CategoryProgress category(ComplianceReport report, Category category) {
        return report.categories().stream().filter(c -> c.category() == category).findFirst().orElseThrow();
    }

    private static License withAttestations(License l, boolean supervisor, Category... attested) {
        return new License(l.board(), l.licenseType(), l.licenseNumber(), l.cycleStart(), l.cycleEnd(), l.firstRenewal(),
                supervisor, Set.of(attested));
    }

    @Nested
    class CaliforniaBbs {
        private final License lmft = license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false);

        private List<Award> thirtySixWithLawAndEthics() {
            List<Award> awards = new ArrayList<>(general("APA", 5, 4, Format.LIVE_WEBINAR, "2024-05-01"));
            awards.add(award("camft", "camft", "CAMFT", 10, Format.IN_PERSON, "2024-05-02"));
            awards.add(award("le", "le", "NASW/CA", 6, Format.LIVE_WEBINAR, "2024-06-01", cat(Category.LAW_AND_ETHICS, 6)));
            return awards;
        }

        @Test
        void thirtySixHoursWithLawAndEthicsAndTheOneTimeCoursesIsComplete() {
            List<Award> awards = new ArrayList<>(thirtySixWithLawAndEthics());
            awards.add(award("hiv", "hiv", "APA", 7, Format.IN_PERSON, "2019-06-01", cat(Category.HIV_AIDS, 7)));
            awards.add(award("sui", "sui", "APA", 6, Format.IN_PERSON, "2019-07-01", cat(Category.SUICIDE_PREVENTION, 6)));
            awards.add(award("tele", "tele", "APA", 3, Format.IN_PERSON, "2019-08-01", cat(Category.TELEHEALTH, 3)));
            ComplianceReport report = evaluate(lmft, awards, MID_CYCLE);
            assertThat(report.requiredHours()).isEqualTo(36);
            assertThat(report.countedHours()).isEqualTo(36);
            assertThat(report.status()).isEqualTo(ComplianceState.COMPLETE);
            assertThat(report.notCounted()).isEmpty();
        }

        @Test
        void iacetAndOtherStatesBoardsDoNotCountAndTheReportSaysWhy() {
            List<Award> awards = new ArrayList<>(thirtySixWithLawAndEthics());
            Award iacet = award("iacet", "iacet", "IACET", 3, Format.LIVE_WEBINAR, "2024-09-01");
            Award ohio = award("oh", "oh", "STATE_BOARD/OH", 2, Format.LIVE_WEBINAR, "2024-09-02");
            awards.add(iacet);
            awards.add(ohio);
            ComplianceReport report = evaluate(lmft, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(36);
            assertThat(report.notCounted()).extracting(NotCounted::awardId, NotCounted::reason, NotCounted::detail)
                    .containsExactlyInAnyOrder(
                            tuple(iacet.awardId(), Reason.BODY_NOT_ACCEPTED,
                                    "CA-BBS does not accept credit approved by IACET"),
                            tuple(ohio.awardId(), Reason.BODY_NOT_ACCEPTED,
                                    "CA-BBS does not accept credit approved by STATE_BOARD/OH"));
        }

        @Test
        void theFirstRenewalNeedsTheFullThirtySixHours() {
            License first = license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", true);
            assertThat(evaluate(first, List.of(), MID_CYCLE).requiredHours()).isEqualTo(36);
        }

        @Test
        void oneTimeCoursesCompletedBeforeLicensureAreMetByAttestation() {
            ComplianceReport without = evaluate(lmft, thirtySixWithLawAndEthics(), MID_CYCLE);
            assertThat(without.status()).isEqualTo(ComplianceState.ON_TRACK);
            assertThat(category(without, Category.HIV_AIDS).met()).isFalse();

            License attested = withAttestations(lmft, false, Category.HIV_AIDS, Category.SUICIDE_PREVENTION,
                    Category.TELEHEALTH);
            ComplianceReport with = evaluate(attested, thirtySixWithLawAndEthics(), MID_CYCLE);
            assertThat(with.status()).isEqualTo(ComplianceState.COMPLETE);
            assertThat(category(with, Category.HIV_AIDS)).satisfies(c -> {
                assertThat(c.attested()).isTrue();
                assertThat(c.label()).isEqualTo("HIV/AIDS (one-time)");
            });
        }

        @Test
        void supervisorsNeedSixHoursOfSupervisionTrainingEveryRenewal() {
            License supervisor = withAttestations(lmft, true);
            assertThat(evaluate(supervisor, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .contains(Category.SUPERVISION);
            assertThat(evaluate(lmft, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .doesNotContain(Category.SUPERVISION);
        }
    }

    @Nested
    class TexasLpc {
        private final License lpc = license("TX-LPC", "LPC", "2025-01-01", "2026-12-31", false);

        @Test
        void upToTenHoursAboveThePreviousCyclesRequirementCarryOver() {
            ComplianceReport report = evaluate(lpc, general("NBCC", 9, 4, Format.LIVE_WEBINAR, "2024-03-01"), MID_CYCLE);
            assertThat(report.countedHours()).isEqualTo(10);
            assertThat(report.remainingHours()).isEqualTo(14);
        }

        @Test
        void everyRenewalNeedsEthicsCulturalDiversityHumanTraffickingAndTheJurisprudenceExam() {
            License supervisor = license("TX-LPC", "LPC-S", "2025-01-01", "2026-12-31", false);
            assertThat(evaluate(supervisor, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.ETHICS, Category.CULTURAL_DIVERSITY, Category.SUPERVISION,
                            Category.HUMAN_TRAFFICKING, Category.JURISPRUDENCE);
            assertThat(evaluate(lpc, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.ETHICS, Category.CULTURAL_DIVERSITY, Category.HUMAN_TRAFFICKING,
                            Category.JURISPRUDENCE);
        }

        @Test
        void theJurisprudenceExamCountsAsOneHourOfEthics() {
            List<Award> awards = new ArrayList<>(general("NBCC", 4, 4, Format.LIVE_WEBINAR, "2025-03-01"));
            awards.add(award("eth", "eth", "NBCC", 5, Format.LIVE_WEBINAR, "2025-03-02", cat(Category.ETHICS, 5)));
            awards.add(award("cd", "cd", "APA", 3, Format.LIVE_WEBINAR, "2025-03-03", cat(Category.CULTURAL_DIVERSITY, 3)));
            awards.add(award("ht", "ht", "STATE_BOARD/TX", 1, Format.SELF_STUDY, "2025-03-04",
                    cat(Category.HUMAN_TRAFFICKING, 1)));
            awards.add(award("jp", "jp", "STATE_BOARD/TX", 1, Format.SELF_STUDY, "2025-03-05", cat(Category.JURISPRUDENCE, 1)));
            ComplianceReport report = evaluate(lpc, awards, MID_CYCLE);
            assertThat(category(report, Category.ETHICS).earnedHours()).isEqualTo(6);
            assertThat(category(report, Category.JURISPRUDENCE).met()).isTrue();
            assertThat(report.status()).isEqualTo(ComplianceState.COMPLETE);
        }

        @Test
        void withoutTheHumanTraffickingCourseTheHoursAloneAreNotComplete() {
            List<Award> awards = new ArrayList<>(general("NBCC", 4, 4, Format.LIVE_WEBINAR, "2025-03-01"));
            awards.add(award("eth", "eth", "NBCC", 5, Format.LIVE_WEBINAR, "2025-03-02", cat(Category.ETHICS, 5)));
            awards.add(award("cd", "cd", "APA", 3, Format.LIVE_WEBINAR, "2025-03-03", cat(Category.CULTURAL_DIVERSITY, 3)));
            awards.add(award("jp", "jp", "STATE_BOARD/TX", 1, Format.SELF_STUDY, "2025-03-05", cat(Category.JURISPRUDENCE, 1)));
            ComplianceReport report = evaluate(lpc, awards, MID_CYCLE);
            assertThat(report.remainingHours()).isZero();
            assertThat(category(report, Category.HUMAN_TRAFFICKING).met()).isFalse();
            assertThat(report.status()).isEqualTo(ComplianceState.ON_TRACK);
        }
    }

    @Nested
    class Florida491 {
        private final License lmhc = license("FL-491", "LMHC", "2025-04-01", "2027-03-31", false);

        @Test
        void theFirstRenewalIsExempt() {
            License first = license("FL-491", "LMHC", "2023-04-01", "2025-03-31", true);
            ComplianceReport report = evaluate(first, List.of(), Instant.parse("2025-03-01T00:00:00Z"));
            assertThat(report.status()).isEqualTo(ComplianceState.EXEMPT);
            assertThat(report.requiredHours()).isZero();
        }

        @Test
        void lawsAndRulesAndDomesticViolenceAreRequiredEveryThirdBiennium() {
            License other = license("FL-491", "LMHC", "2023-04-01", "2025-03-31", false);
            assertThat(evaluate(lmhc, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .contains(Category.LAWS_AND_RULES, Category.DOMESTIC_VIOLENCE);
            assertThat(evaluate(other, List.of(), MID_CYCLE).categories()).extracting(CategoryProgress::category)
                    .containsExactly(Category.ETHICS_AND_BOUNDARIES, Category.MEDICAL_ERRORS);
        }

        @Test
        void aCaliforniaLawAndEthicsCourseDoesNotMeetEthicsAndBoundaries() {
            var californian = award("le", "le", "APA", 6, Format.LIVE_WEBINAR, "2025-05-01", cat(Category.LAW_AND_ETHICS, 6));
            var floridian = award("eb", "eb", "APA", 3, Format.LIVE_WEBINAR, "2025-05-02",
                    cat(Category.ETHICS_AND_BOUNDARIES, 3));
            assertThat(category(evaluate(lmhc, List.of(californian), MID_CYCLE), Category.ETHICS_AND_BOUNDARIES)
                    .earnedHours()).isZero();
            assertThat(category(evaluate(lmhc, List.of(californian, floridian), MID_CYCLE), Category.ETHICS_AND_BOUNDARIES)
                    .earnedHours()).isEqualTo(3);
        }

        @Test
        void floridaSubjectsCountOnlyFromTheBoardsOwnProviders() {
            var national = award("lr-apa", "lr-1", "APA", 3, Format.LIVE_WEBINAR, "2025-05-01", cat(Category.LAWS_AND_RULES, 3));
            ComplianceReport nationalOnly = evaluate(lmhc, List.of(national), MID_CYCLE);
            assertThat(nationalOnly.earnedHours()).isEqualTo(3);
            assertThat(category(nationalOnly, Category.LAWS_AND_RULES).earnedHours()).isZero();

            var board = award("lr-fl", "lr-2", "STATE_BOARD/FL", 3, Format.LIVE_WEBINAR, "2025-05-02",
                    cat(Category.LAWS_AND_RULES, 3));
            assertThat(category(evaluate(lmhc, List.of(national, board), MID_CYCLE), Category.LAWS_AND_RULES).earnedHours())
                    .isEqualTo(3);
        }

        @Test
        void anotherStatesBoardAndIacetDoNotCount() {
            var awards = List.of(award("oh", "oh", "STATE_BOARD/OH", 3, Format.LIVE_WEBINAR, "2025-05-01"),
                    award("iacet", "iacet", "IACET", 3, Format.LIVE_WEBINAR, "2025-05-02"));
            ComplianceReport report = evaluate(lmhc, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isZero();
            assertThat(report.notCounted()).extracting(NotCounted::reason).containsOnly(Reason.BODY_NOT_ACCEPTED);
        }
    }

    @Nested
    class NewYorkLmhc {
        private final License lmhc = license("NY-LMHC", "LMHC", "2024-01-01", "2026-12-31", false);
        /** A later registration period of two years instead of three. */
        private final License shorter = license("NY-LMHC", "LMHC", "2025-01-01", "2026-12-31", false);

        /** {@code selfStudy} self-study and {@code live} live-webinar sessions of 3 h each, all on the day. */
        private List<Award> selfStudyAndLive(int selfStudy, int live, String day) {
            List<Award> awards = new ArrayList<>(general("STATE_BOARD/NY", selfStudy, 3, Format.SELF_STUDY, day));
            awards.addAll(general("STATE_BOARD/NY", live, 3, Format.LIVE_WEBINAR, day));
            return awards;
        }

        @Test
        void onlyCreditFromNysedApprovedProvidersCounts() {
            var awards = List.of(award("ny", "ny", "STATE_BOARD/NY", 3, Format.LIVE_WEBINAR, "2024-05-01"),
                    award("apa", "apa", "APA", 3, Format.LIVE_WEBINAR, "2024-05-02"),
                    award("nj", "nj", "STATE_BOARD/NJ", 3, Format.LIVE_WEBINAR, "2024-05-03"));
            ComplianceReport report = evaluate(lmhc, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(3);
            assertThat(report.notCounted()).extracting(NotCounted::detail).containsExactlyInAnyOrder(
                    "NY-LMHC does not accept credit approved by APA",
                    "NY-LMHC does not accept credit approved by STATE_BOARD/NJ");
        }

        @Test
        void everyPeriodNeedsThreeHoursOfProfessionalBoundaries() {
            List<Award> awards = new ArrayList<>(selfStudyAndLive(0, 12, "2024-05-01"));
            ComplianceReport without = evaluate(lmhc, awards, MID_CYCLE);
            assertThat(without.remainingHours()).isZero();
            assertThat(category(without, Category.PROFESSIONAL_BOUNDARIES)).satisfies(c -> {
                assertThat(c.met()).isFalse();
                assertThat(c.label()).isEqualTo("Professional boundaries");
            });
            awards.add(award("pb", "pb", "STATE_BOARD/NY", 3, Format.LIVE_WEBINAR, "2024-06-01",
                    cat(Category.PROFESSIONAL_BOUNDARIES, 3)));
            assertThat(evaluate(lmhc, awards, MID_CYCLE).status()).isEqualTo(ComplianceState.COMPLETE);
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
        private final License lsw = license("OH-CSWMFT", "LSW", "2024-11-01", "2026-10-31", false);
        private final License lmft = license("OH-CSWMFT", "LMFT", "2024-11-01", "2026-10-31", false);

        private NotCounted.Reason refusal(License license, Award award) {
            ComplianceReport report = evaluate(license, List.of(award), MID_CYCLE);
            return report.notCounted().isEmpty() ? null : report.notCounted().get(0).reason();
        }

        @Test
        void whichCreditCountsDependsOnTheLicenceType() {
            Award nasw = award("s-1", "c-1", "NASW", 3, Format.LIVE_WEBINAR, "2025-01-10");
            Award naswOhio = award("s-2", "c-2", "NASW/OH", 3, Format.LIVE_WEBINAR, "2025-01-10");
            Award nbcc = award("s-3", "c-3", "NBCC", 3, Format.LIVE_WEBINAR, "2025-01-10");
            Award aswb = award("s-4", "c-4", "ASWB_ACE", 3, Format.LIVE_WEBINAR, "2025-01-10");

            assertThat(refusal(lsw, nasw)).isNull();
            assertThat(refusal(lsw, aswb)).isNull();
            assertThat(refusal(lsw, nbcc)).isEqualTo(Reason.NOT_ACCEPTED_FOR_LICENSE_TYPE);

            assertThat(refusal(lpc, naswOhio)).isNull();
            assertThat(refusal(lpc, nbcc)).isNull();
            assertThat(refusal(lpc, nasw)).isEqualTo(Reason.NOT_ACCEPTED_FOR_LICENSE_TYPE);
            assertThat(refusal(lpc, aswb)).isEqualTo(Reason.NOT_ACCEPTED_FOR_LICENSE_TYPE);

            assertThat(refusal(lmft, naswOhio)).isNull();
            assertThat(refusal(lmft, nbcc)).isEqualTo(Reason.NOT_ACCEPTED_FOR_LICENSE_TYPE);
        }

        @Test
        void apaIsNotAcceptedForAnyone() {
            Award apa = award("s-1", "c-1", "APA", 3, Format.LIVE_WEBINAR, "2025-01-10");
            ComplianceReport report = evaluate(lpc, List.of(apa), MID_CYCLE);
            assertThat(report.earnedHours()).isZero();
            assertThat(report.notCounted()).singleElement().satisfies(n -> {
                assertThat(n.reason()).isEqualTo(Reason.BODY_NOT_ACCEPTED);
                assertThat(n.detail()).isEqualTo("OH-CSWMFT does not accept credit approved by APA");
            });
        }

        @Test
        void nbccCreditForCounselorsMustBeAtLeastAnHour() {
            assertThat(refusal(lpc, award("s-1", "c-1", "NBCC", 0.5, Format.LIVE_WEBINAR, "2025-01-10")))
                    .isEqualTo(Reason.BELOW_MINIMUM_HOURS);
            assertThat(refusal(lpc, award("s-1", "c-1", "NBCC", 1, Format.LIVE_WEBINAR, "2025-01-10"))).isNull();
        }

        @Test
        void aCourseTakenTwiceInOneCycleCountsOnce() {
            var awards = List.of(
                    award("s-1", "course-x", "NBCC", 3, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-2", "course-x", "NBCC", 3, Format.LIVE_WEBINAR, "2025-04-10"));
            ComplianceReport report = evaluate(lpc, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(3);
            assertThat(report.notCounted()).singleElement()
                    .satisfies(n -> assertThat(n.reason()).isEqualTo(Reason.COURSE_COUNTED_ONCE));
        }

        @Test
        void thirtyHoursWithThreeOfEthicsIsComplete() {
            List<Award> awards = new ArrayList<>(general("STATE_BOARD/OH", 9, 3, Format.LIVE_WEBINAR, "2025-02-01"));
            awards.add(award("eth", "eth", "NBCC", 3, Format.LIVE_WEBINAR, "2025-02-02", cat(Category.ETHICS, 3)));
            assertThat(evaluate(lpc, awards, MID_CYCLE).status()).isEqualTo(ComplianceState.COMPLETE);
        }
    }

    @Nested
    class AnyBoard {
        private final License lpc = license("OH-CSWMFT", "LPC", "2024-11-01", "2026-10-31", false);

        @Test
        void aSessionApprovedBySeveralBodiesCountsOnceWithItsLargestAward() {
            var awards = List.of(
                    award("s-1", "c-1", "NASW/OH", 0, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-1", "c-1", "NBCC", 2.5, Format.LIVE_WEBINAR, "2025-01-10"),
                    award("s-1", "c-1", "STATE_BOARD/OH", 2, Format.LIVE_WEBINAR, "2025-01-10"));
            ComplianceReport report = evaluate(lpc, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isEqualTo(2.5);
            assertThat(report.notCounted()).singleElement().satisfies(n -> {
                assertThat(n.reason()).isEqualTo(Reason.SESSION_COUNTED_ONCE);
                assertThat(n.detail()).isEqualTo("The session counts once, through NBCC");
            });
        }

        @Test
        void awardsOutsideTheCycleDoNotCountAndAreNotListed() {
            var awards = List.of(award("s-1", "c-1", "STATE_BOARD/OH", 3, Format.LIVE_WEBINAR, "2024-10-31"));
            ComplianceReport report = evaluate(lpc, awards, MID_CYCLE);
            assertThat(report.earnedHours()).isZero();
            assertThat(report.notCounted()).isEmpty();
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
            Award lastEvening = completedAt(award("s-1", "c-1", "STATE_BOARD/OH", 3, Format.LIVE_WEBINAR, "2026-10-31"),
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
                    general("STATE_BOARD/OH", 1, 3, Format.LIVE_WEBINAR, "2025-02-01"), RULES, MID_CYCLE);
            assertThat(next).singleElement().satisfies(r -> assertThat(r.earnedHours()).isEqualTo(3));
        }

        @Test
        void anAwardTheBoardRefusesIsStillAChangeTheLicenseeSees() {
            var first = ComplianceDecider.decide(List.of(), licensee(lpc), List.of(), RULES, MID_CYCLE);
            var next = ComplianceDecider.decide(first, licensee(lpc),
                    general("APA", 1, 3, Format.LIVE_WEBINAR, "2025-02-01"), RULES, MID_CYCLE);
            assertThat(next).singleElement().satisfies(r -> {
                assertThat(r.earnedHours()).isZero();
                assertThat(r.notCounted()).hasSize(1);
            });
        }

        @Test
        void aLicenceOfABoardWithoutRulesGetsNoReport() {
            var unknown = license("ZZ-NONE", "X", "2024-01-01", "2025-12-31", false);
            assertThat(ComplianceDecider.decide(List.of(), licensee(unknown), List.of(), RULES, MID_CYCLE)).isEmpty();
        }
    }
}
