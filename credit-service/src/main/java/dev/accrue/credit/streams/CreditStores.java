package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.streams.store.OpenSession;
import dev.accrue.events.SessionClosed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Typed access to the topology's stores from inside a processor. Per-licensee stores are local to
 * the task that owns the licensee's partition; sessions and closures are global, so every task sees
 * every session.
 */
final class CreditStores {

    /** Separates session and licensee in accrual keys; sessionId first, so one session's accruals are one prefix scan. */
    static final String SEPARATOR = "\u0000";

    final KeyValueStore<String, Accrual> accruals;
    final KeyValueStore<String, OpenSession> openSessions;
    final KeyValueStore<String, Licensee> licensees;
    final KeyValueStore<String, Transcript> transcripts;
    final KeyValueStore<String, List<ComplianceReport>> compliance;
    /** Attendance held while its licensee or session is unknown, keyed by licensee; absent when none is held. */
    final KeyValueStore<String, PendingAttendance> pending;
    /** Live sessions with accruals in this task, and when each ends (epoch millis), for the accrual retention. */
    final KeyValueStore<String, Long> retainedSessions;
    private final KeyValueStore<String, ValueAndTimestamp<byte[]>> sessions;
    private final SessionReader sessionReader;
    private final KeyValueStore<String, ValueAndTimestamp<SessionClosed>> closures;

    CreditStores(ProcessorContext<?, ?> context, SessionReader sessionReader) {
        this.sessionReader = sessionReader;
        accruals = context.getStateStore(CreditTopology.ACCRUAL_STORE);
        openSessions = context.getStateStore(CreditTopology.OPEN_SESSION_STORE);
        licensees = context.getStateStore(CreditTopology.LICENSEE_STORE);
        transcripts = context.getStateStore(CreditTopology.TRANSCRIPT_STORE);
        compliance = context.getStateStore(CreditTopology.COMPLIANCE_STORE);
        pending = context.getStateStore(CreditTopology.PENDING_STORE);
        retainedSessions = context.getStateStore(CreditTopology.RETAINED_STORE);
        sessions = context.getStateStore(CreditTopology.SESSION_STORE);
        closures = context.getStateStore(CreditTopology.CLOSURE_STORE);
    }

    static String accrualKey(String sessionId, String licenseeId) {
        return sessionId + SEPARATOR + licenseeId;
    }

    Optional<SessionDefinition> session(String sessionId) {
        ValueAndTimestamp<byte[]> stored = sessions.get(sessionId);
        return stored == null ? Optional.empty() : Optional.of(sessionReader.read(sessionId, stored.value()));
    }

    /** When the provider closed the session, if it did. */
    Optional<Instant> closedAt(String sessionId) {
        return Optional.ofNullable(closures.get(sessionId)).map(ValueAndTimestamp::value).map(SessionClosed::getClosedAt);
    }

    Accrual accrual(String sessionId, String licenseeId) {
        Accrual accrual = accruals.get(accrualKey(sessionId, licenseeId));
        return accrual != null ? accrual : Accrual.empty(licenseeId, sessionId);
    }

    Transcript transcript(String licenseeId) {
        Transcript transcript = transcripts.get(licenseeId);
        return transcript != null ? transcript : Transcript.empty(licenseeId);
    }

    PendingAttendance pending(String licenseeId) {
        PendingAttendance held = pending.get(licenseeId);
        return held != null ? held : PendingAttendance.none(licenseeId);
    }

    /** Stores the licensee's pending list, or removes it when empty, so the store holds only licensees with held events. */
    void putPending(PendingAttendance held) {
        if (held.holdsNone()) {
            pending.delete(held.licenseeId());
        } else {
            pending.put(held.licenseeId(), held);
        }
    }

    List<ComplianceReport> compliance(String licenseeId) {
        List<ComplianceReport> reports = compliance.get(licenseeId);
        return reports != null ? reports : List.of();
    }
}
