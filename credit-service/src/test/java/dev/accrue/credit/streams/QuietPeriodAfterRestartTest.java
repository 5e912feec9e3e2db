package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualEvent;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.streams.store.OpenSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart long after a session's last attendance: the restored {@code open-session-store} says the
 * session has been quiet for hours, but the new task instance has not read its backlog yet. The
 * quiet period (5 min here) counts from the instance's start, so the backlog gets a chance first.
 */
class QuietPeriodAfterRestartTest {

    private static final Instant LAST_ATTENDANCE = Instant.parse("2025-03-10T12:05:00Z");
    private static final Instant RESTARTED = Instant.parse("2025-03-10T14:00:00Z");
    private final MutableClock clock = new MutableClock(RESTARTED);
    private final ProcessorStores stores = new ProcessorStores();
    private final AttendanceProcessor processor = new AttendanceProcessor(clock, CreditTopologyHarness.SETTINGS,
            CreditRuleBook.load(), BoardRuleBook.load(), new UnknownReferencePolicy(Duration.ofMinutes(10), 100, 1000),
            stores.sessionReader());

    @BeforeEach
    void restoredStateOfTheTaskBeforeTheRestart() {
        stores.session(Fixtures.live(3, ApprovalBody.APA), RESTARTED.minus(Duration.ofDays(1)));
        stores.licensees.put(LICENSEE, Fixtures.licensee());
        Accrual accrual = Accrual.empty(LICENSEE, SESSION);
        accrual = AccrualDecider.evolve(accrual, new AccrualEvent.AttendanceRecorded(joined("09:00"), LAST_ATTENDANCE));
        accrual = AccrualDecider.evolve(accrual, new AccrualEvent.AttendanceRecorded(left("12:00"), LAST_ATTENDANCE));
        stores.accruals.put(CreditStores.accrualKey(SESSION, LICENSEE), accrual);
        stores.openSessions.put(SESSION, new OpenSession(Fixtures.ENDS, LAST_ATTENDANCE));
        processor.init(stores.context);
    }

    private void finalizationCheckAt(Instant at) {
        clock.set(at);
        stores.context.scheduledPunctuators().get(0).getPunctuator().punctuate(at.toEpochMilli());
    }

    @Test
    void theSessionIsNotFinalBeforeAQuietPeriodHasPassedSinceTheTaskInstanceStarted() {
        finalizationCheckAt(RESTARTED);
        finalizationCheckAt(RESTARTED.plus(Duration.ofMinutes(5)).minusSeconds(1));

        assertThat(stores.forwarded()).isEmpty();
        assertThat(stores.openSessions.get(SESSION)).isNotNull();
    }

    @Test
    void withNoAttendanceInTheBacklogItIsFinalAQuietPeriodAfterTheStart() {
        finalizationCheckAt(RESTARTED.plus(Duration.ofMinutes(5)));

        assertThat(stores.forwarded()).filteredOn(CreditOutput.Awarded.class::isInstance)
                .extracting(out -> ((CreditOutput.Awarded) out).award().hours()).containsExactly(3.0);
        assertThat(stores.openSessions.get(SESSION)).isNull();
    }
}
