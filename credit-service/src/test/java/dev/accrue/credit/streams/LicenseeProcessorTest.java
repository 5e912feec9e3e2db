package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.completed;
import static dev.accrue.credit.Fixtures.licensee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.attendance.PendingAttendance.Origin;
import dev.accrue.credit.attendance.PendingAttendance.Pending;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.LicenseeProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The licensee processor alone, on in-memory stores: a profile that arrives credits the attendance held for it. */
class LicenseeProcessorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T10:05:00Z"));
    private final ProcessorStores stores = new ProcessorStores();
    private final LicenseeProcessor processor = new LicenseeProcessor(clock, CreditRuleBook.load(), BoardRuleBook.load(),
            new UnknownReferencePolicy(Duration.ofMinutes(10), 100, 1000), stores.sessionReader(),
            new dev.accrue.credit.accrual.AccrualRetention(Duration.ofDays(400)));
    private final KeyValueStore<String, PendingAttendance> pending = stores.pending;

    @BeforeEach
    void initProcessor() {
        stores.session(dev.accrue.credit.Fixtures.selfStudy(2, null, ApprovalBody.NBCC), clock.instant());
        processor.init(stores.context);
    }

    private void profileArrives() {
        LicenseeProfile profile = LicenseeMapper.toAvro(licensee(), clock.instant());
        processor.process(new Record<>(LICENSEE, new Decoded<>(profile, new byte[0], null), clock.millis()));
    }

    private List<CreditOutput> forwarded() {
        return stores.forwarded();
    }

    @Test
    void aProfileCreditsTheAttendanceHeldForItAndEmptiesTheHold() {
        pending.put(LICENSEE, new PendingAttendance(LICENSEE, List.of(new Pending(completed("10:00", 90),
                clock.instant().minusSeconds(30), new Origin("accrue.attendance", 0, 7)))));

        profileArrives();

        assertThat(forwarded()).filteredOn(CreditOutput.Awarded.class::isInstance)
                .extracting(out -> ((CreditOutput.Awarded) out).award().hours()).containsExactly(2.0);
        assertThat(forwarded()).filteredOn(CreditOutput.Certified.class::isInstance).hasSize(1);
        assertThat(pending.get(LICENSEE)).isNull();
    }

    @Test
    void aProfileWithNothingHeldCreditsNothing() {
        profileArrives();
        assertThat(forwarded()).noneMatch(out -> out instanceof CreditOutput.Awarded || out instanceof CreditOutput.Rejected);
    }

    @Test
    void heldAttendancePastTheWaitIsRejectedWithItsOriginalPositionWhenTheProfileArrives() {
        var late = completed("10:00", 90);
        var elsewhere = new dev.accrue.credit.attendance.Attendance(late.eventId(), "gone", LICENSEE, late.type(),
                late.occurredAt(), late.score(), late.connectionId());
        pending.put(LICENSEE, new PendingAttendance(LICENSEE, List.of(new Pending(elsewhere,
                clock.instant().minus(Duration.ofMinutes(11)), new Origin("accrue.attendance", 2, 41)))));

        profileArrives();

        assertThat(forwarded()).filteredOn(CreditOutput.Rejected.class::isInstance).singleElement()
                .isEqualTo(new CreditOutput.Rejected("accrue.attendance", 2, 41, LICENSEE, late.eventId(),
                        "Unknown session 'gone', still unknown after waiting 11m", null));
    }
}
