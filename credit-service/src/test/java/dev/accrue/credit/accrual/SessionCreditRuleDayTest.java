package dev.accrue.credit.accrual;

import static dev.accrue.credit.Fixtures.completed;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.live;
import static dev.accrue.credit.Fixtures.selfStudy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.rules.RuleFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An activity is judged by the rule file in force on its local day. Two versions straddle New Year:
 * the real 2025.1 (APA allows 15 minutes missed, pass mark 75) and a 2026.1 that is stricter
 * (APA allows 5 minutes, pass mark 80).
 */
class SessionCreditRuleDayTest {

    static final CreditRules RULES_2025 = Accruals.RULES.effectiveOn(LocalDate.parse("2025-06-01"));
    static final CreditRules RULES_2026 = new CreditRules(
            new RuleFile("2026.1", LocalDate.parse("2026-01-01"), "test"),
            Map.of(ApprovalBody.APA, new CreditPolicy.AllOrNothing(5)), 80, Set.of());
    static final CreditRuleBook BOOK = new CreditRuleBook(List.of(RULES_2025, RULES_2026));
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Nested
    class LiveSessions {

        // 2025-12-31 19:00 in New York (EST) is already 2026-01-01 in UTC.
        static final Instant NEW_YEARS_EVE_NEW_YORK = Instant.parse("2026-01-01T00:00:00Z");

        private Accruals attendTenMinutesLate(SessionDefinition session) {
            return new Accruals(session, BOOK, NOW)
                    .record(joined(session.startsAt().plusSeconds(600)))
                    .record(left(session.endsAt()))
                    .finalizeSession();
        }

        @Test
        void anEveningSessionOnNewYearsEveInNewYorkIsJudgedByTheOldYearsRules() {
            var accruals = attendTenMinutesLate(live(NEW_YEARS_EVE_NEW_YORK, "America/New_York", ApprovalBody.APA));
            assertThat(accruals.awards()).singleElement().satisfies(a -> {
                assertThat(a.hours()).isEqualTo(3.0);
                assertThat(a.ruleVersion()).isEqualTo("2025.1@2025-01-01");
            });
        }

        @Test
        void aMorningSessionOnNewYearsDayInTokyoIsJudgedByTheNewYearsRules() {
            // 2026-01-01 00:00 in Tokyo is still 2025-12-31 in UTC; 10 minutes late is too late under 2026.1.
            var session = live(Instant.parse("2025-12-31T15:00:00Z"), "Asia/Tokyo", ApprovalBody.APA);
            assertThat(attendTenMinutesLate(session).awards()).isEmpty();
        }

        @Test
        void aSessionWithAnUnknownTimeZoneIsJudgedByItsUtcDay() {
            var session = live(NEW_YEARS_EVE_NEW_YORK, "Mars/Olympus_Mons", ApprovalBody.APA);
            assertThat(attendTenMinutesLate(session).awards()).isEmpty();
        }
    }

    @Nested
    class SelfStudy {

        private final SessionDefinition course = selfStudy(2, null, ApprovalBody.APA);

        @Test
        void aTestPassedWith77InDecemberStaysPassedAfterThePassMarkRisesTo80() {
            var accruals = new Accruals(course, BOOK, NOW).record(completed(Instant.parse("2025-12-20T15:00:00Z"), 77));
            assertThat(accruals.awards()).singleElement().satisfies(a -> {
                assertThat(a.hours()).isEqualTo(2.0);
                assertThat(a.ruleVersion()).isEqualTo("2025.1@2025-01-01");
            });
        }

        @Test
        void a77InJanuaryFailsUnderTheNewPassMarkOf80() {
            var accruals = new Accruals(course, BOOK, NOW).record(completed(Instant.parse("2026-01-05T15:00:00Z"), 77));
            assertThat(accruals.awards()).isEmpty();
        }

        @Test
        void theFirstCompletionThatPassesItsOwnDaysRulesEarnsTheCreditUnderThoseRules() {
            var accruals = new Accruals(course, BOOK, NOW)
                    .record(completed(Instant.parse("2025-12-20T15:00:00Z"), 70))
                    .record(completed(Instant.parse("2026-01-05T15:00:00Z"), 77))
                    .record(completed(Instant.parse("2026-01-10T15:00:00Z"), 85));
            assertThat(accruals.awards()).singleElement().satisfies(a -> {
                assertThat(a.completedAt()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
                assertThat(a.ruleVersion()).isEqualTo("2026.1@2026-01-01");
            });
        }
    }
}
