package dev.accrue.credit.kafka;

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
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The licensee processor alone, on in-memory stores: a profile that arrives credits the attendance held for it. */
class LicenseeProcessorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T10:05:00Z"));
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final MockProcessorContext<String, CreditOutput> context = new MockProcessorContext<>();
    private final LicenseeProcessor processor = new LicenseeProcessor(clock, CreditRuleBook.load(), BoardRuleBook.load(),
            new UnknownReferencePolicy(Duration.ofMinutes(10), 100),
            new SessionReader(registry.serde(Session.class).deserializer(), "accrue.sessions"));
    private KeyValueStore<String, PendingAttendance> pending;

    @BeforeEach
    void initStores() {
        pending = store(CreditTopology.PENDING_STORE, JsonSerde.of(PendingAttendance.class));
        store(CreditTopology.ACCRUAL_STORE, StoreCodecs.accruals());
        store(CreditTopology.OPEN_SESSION_STORE, StoreCodecs.openSessions());
        store(CreditTopology.LICENSEE_STORE, StoreCodecs.licensees());
        store(CreditTopology.TRANSCRIPT_STORE, StoreCodecs.transcripts());
        store(CreditTopology.COMPLIANCE_STORE, JsonSerde.of(List.class));
        TimestampedKeyValueStore<String, byte[]> sessions = global(CreditTopology.SESSION_STORE, Serdes.ByteArray());
        global(CreditTopology.CLOSURE_STORE, registry.serde(SessionClosed.class));
        SessionDefinition selfStudy = dev.accrue.credit.Fixtures.selfStudy(2, null, ApprovalBody.NBCC);
        sessions.put(selfStudy.sessionId(), ValueAndTimestamp.make(registry.serde(Session.class).serializer()
                .serialize("accrue.sessions", CatalogMapper.toAvro(selfStudy, clock.instant())), 0L));
        processor.init(context);
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return register(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build());
    }

    private <V> TimestampedKeyValueStore<String, V> global(String name, Serde<V> values) {
        return register(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build());
    }

    private <S extends StateStore> S register(S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private void profileArrives() {
        LicenseeProfile profile = LicenseeMapper.toAvro(licensee(), clock.instant());
        processor.process(new Record<>(LICENSEE, new Decoded<>(profile, new byte[0], null), clock.millis()));
    }

    private List<CreditOutput> forwarded() {
        return context.forwarded().stream().map(f -> (CreditOutput) f.record().value()).toList();
    }

    @Test
    void a_profile_credits_the_attendance_held_for_it_and_empties_the_hold() {
        pending.put(LICENSEE, new PendingAttendance(LICENSEE, List.of(new Pending(completed("10:00", 90),
                clock.instant().minusSeconds(30), new Origin("accrue.attendance", 0, 7)))));

        profileArrives();

        assertThat(forwarded()).filteredOn(CreditOutput.Awarded.class::isInstance)
                .extracting(out -> ((CreditOutput.Awarded) out).award().hours()).containsExactly(2.0);
        assertThat(forwarded()).filteredOn(CreditOutput.Certified.class::isInstance).hasSize(1);
        assertThat(pending.get(LICENSEE)).isNull();
    }

    @Test
    void a_profile_with_nothing_held_credits_nothing() {
        profileArrives();
        assertThat(forwarded()).noneMatch(out -> out instanceof CreditOutput.Awarded || out instanceof CreditOutput.Rejected);
    }

    @Test
    void held_attendance_past_the_wait_is_rejected_with_its_original_position_when_the_profile_arrives() {
        var late = completed("10:00", 90);
        var elsewhere = new dev.accrue.credit.attendance.Attendance(late.eventId(), "gone", LICENSEE, late.type(),
                late.occurredAt(), late.score());
        pending.put(LICENSEE, new PendingAttendance(LICENSEE, List.of(new Pending(elsewhere,
                clock.instant().minus(Duration.ofMinutes(11)), new Origin("accrue.attendance", 2, 41)))));

        profileArrives();

        assertThat(forwarded()).filteredOn(CreditOutput.Rejected.class::isInstance).singleElement()
                .isEqualTo(new CreditOutput.Rejected("accrue.attendance", 2, 41, LICENSEE, late.eventId(),
                        "Unknown session 'gone', still unknown after waiting 11m", null));
    }
}
