package dev.accrue.credit.streams;

import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.streams.store.JsonSerde;
import dev.accrue.credit.streams.store.OpenSession;
import dev.accrue.credit.streams.store.StoreCodecs;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The topology's stores in memory, with the production serdes, registered in a
 * {@link MockProcessorContext}, for testing one processor alone; values put here before the
 * processor's {@code init} stand for state restored from the changelogs.
 */
final class ProcessorStores {

    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    final MockProcessorContext<String, CreditOutput> context = new MockProcessorContext<>();
    final KeyValueStore<String, PendingAttendance> pending;
    final KeyValueStore<String, dev.accrue.credit.accrual.Accrual> accruals;
    final KeyValueStore<String, OpenSession> openSessions;
    final KeyValueStore<String, dev.accrue.credit.licensee.Licensee> licensees;
    private final TimestampedKeyValueStore<String, byte[]> sessions;

    ProcessorStores() {
        pending = store(CreditTopology.PENDING_STORE, JsonSerde.of(PendingAttendance.class));
        accruals = store(CreditTopology.ACCRUAL_STORE, StoreCodecs.accruals());
        openSessions = store(CreditTopology.OPEN_SESSION_STORE, StoreCodecs.openSessions());
        licensees = store(CreditTopology.LICENSEE_STORE, StoreCodecs.licensees());
        store(CreditTopology.TRANSCRIPT_STORE, StoreCodecs.transcripts());
        store(CreditTopology.COMPLIANCE_STORE, StoreCodecs.complianceReports());
        store(CreditTopology.RETAINED_STORE, Serdes.Long());
        sessions = global(CreditTopology.SESSION_STORE, Serdes.ByteArray());
        global(CreditTopology.CLOSURE_STORE, registry.serde(SessionClosed.class));
    }

    SessionReader sessionReader() {
        return new SessionReader(registry.serde(Session.class).deserializer(), "accrue.sessions");
    }

    /** The session as the global table holds it: the bytes ingest published. */
    void session(SessionDefinition session, Instant updatedAt) {
        sessions.put(session.sessionId(), ValueAndTimestamp.make(registry.serde(Session.class).serializer()
                .serialize("accrue.sessions", CatalogMapper.toAvro(session, updatedAt)), 0L));
    }

    List<CreditOutput> forwarded() {
        return context.forwarded().stream().map(f -> (CreditOutput) f.record().value()).toList();
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
}
