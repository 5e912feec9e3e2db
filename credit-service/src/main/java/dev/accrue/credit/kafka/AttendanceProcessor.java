package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.events.AttendanceEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Applies attendance (keyed by licensee) to the licensee's accrual for the session, and finalizes
 * live sessions. A session is finalized when its provider closed it, or when {@code endsAt} plus
 * the grace period has passed and no attendance for it arrived in this task for the quiet period.
 * Both are checked by a wall-clock punctuator reading the injected clock, so finalization happens
 * even when no new records arrive. Records that cannot be credited go to rejections, with the reason.
 */
final class AttendanceProcessor implements Processor<String, Decoded<AttendanceEvent>, String, CreditOutput> {

    private final Clock clock;
    private final CreditStreamsProperties settings;
    private final CreditRuleBook creditRules;
    private final BoardRuleBook boardRules;
    private ProcessorContext<String, CreditOutput> context;
    private CreditStores stores;
    private CreditEngine engine;

    AttendanceProcessor(Clock clock, CreditStreamsProperties settings, CreditRuleBook creditRules, BoardRuleBook boardRules) {
        this.clock = clock;
        this.settings = settings;
        this.creditRules = creditRules;
        this.boardRules = boardRules;
    }

    @Override
    public void init(ProcessorContext<String, CreditOutput> context) {
        this.context = context;
        this.stores = new CreditStores(context);
        this.engine = new CreditEngine(stores, creditRules, boardRules,
                (key, output) -> context.forward(new Record<>(key, output, clock.millis())));
        // Wall-clock punctuation: finalization must not wait for new records to advance stream time.
        context.schedule(settings.finalizationCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                ignored -> finalizeDueSessions(clock.instant()));
        context.schedule(settings.complianceCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                ignored -> reevaluateCompliance(clock.instant()));
    }

    @Override
    public void process(Record<String, Decoded<AttendanceEvent>> decoded) {
        if (!decoded.value().readable()) {
            reject(decoded.key(), null, decoded.value().error(), decoded.value().raw());
            return;
        }
        Record<String, AttendanceEvent> record = decoded.withValue(decoded.value().value());
        Optional<String> problem = problemWith(record);
        if (problem.isPresent()) {
            reject(record.key(), record.value() == null ? null : record.value().getEventId(), problem.get(), null);
            return;
        }
        Instant now = clock.instant();
        Attendance attendance = AttendanceMapper.toDomain(record.value()).orElseThrow();
        SessionDefinition session = stores.session(attendance.sessionId()).orElseThrow();
        Licensee licensee = stores.licensees.get(attendance.licenseeId());
        Accrual before = stores.accrual(session.sessionId(), licensee.licenseeId());
        Accrual state = engine.apply(before, new AccrualInput.RecordAttendance(attendance, session, licensee), now);
        if (state == before) {
            return; // the decider saw this event id before (redelivery or replay): nothing changes, not even quiet time
        }
        if (!session.isSelfStudy() && !state.finalized()) {
            if (stores.closed(session.sessionId())) {
                // The provider closed the session already: this attendance is late, credit is final at once.
                engine.apply(state, new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER, session, licensee), now);
            } else {
                stores.openSessions.put(session.sessionId(), new OpenSession(session.endsAt(), now));
            }
        }
    }

    /** Why the record cannot be credited, checked in order; empty when it can. */
    private Optional<String> problemWith(Record<String, AttendanceEvent> record) {
        AttendanceEvent event = record.value();
        if (event == null) {
            return Optional.of("Empty attendance record (tombstone); attendance is never deleted");
        }
        Optional<Attendance> attendance = AttendanceMapper.toDomain(event);
        if (attendance.isEmpty()) {
            return Optional.of("Unknown attendance type; this service version cannot credit it");
        }
        if (!event.getLicenseeId().equals(record.key())) {
            return Optional.of("Record key '" + record.key() + "' is not the licensee id '" + event.getLicenseeId()
                    + "'; attendance must be keyed by licensee");
        }
        Optional<SessionDefinition> session = stores.session(event.getSessionId());
        if (session.isEmpty()) {
            return Optional.of("Unknown session '" + event.getSessionId() + "'");
        }
        if (stores.licensees.get(event.getLicenseeId()) == null) {
            return Optional.of("Unknown licensee '" + event.getLicenseeId() + "'");
        }
        boolean completion = attendance.get().type() == AttendanceType.SELF_STUDY_COMPLETED;
        if (completion != session.get().isSelfStudy()) {
            return Optional.of(attendance.get().type() + " does not fit session '" + event.getSessionId() + "', which is "
                    + (session.get().isSelfStudy() ? "self-study" : "live"));
        }
        return Optional.empty();
    }

    private void reject(String key, String eventId, String reason, byte[] payload) {
        context.forward(new Record<>(key, (CreditOutput) CreditOutput.Rejected.of(context, key, eventId, reason, payload),
                clock.millis()));
    }

    private void finalizeDueSessions(Instant now) {
        List<KeyValue<String, FinalizeReason>> due = new ArrayList<>();
        try (KeyValueIterator<String, OpenSession> open = stores.openSessions.all()) {
            open.forEachRemaining(entry -> dueReason(entry.key, entry.value, now)
                    .ifPresent(reason -> due.add(KeyValue.pair(entry.key, reason))));
        }
        for (KeyValue<String, FinalizeReason> session : due) {
            finalizeSession(session.key, session.value, now);
            stores.openSessions.delete(session.key);
        }
    }

    private Optional<FinalizeReason> dueReason(String sessionId, OpenSession open, Instant now) {
        if (stores.closed(sessionId)) {
            return Optional.of(FinalizeReason.CLOSED_BY_PROVIDER);
        }
        boolean graceOver = !now.isBefore(open.endsAt().plus(settings.finalizationGrace()));
        boolean quiet = !now.isBefore(open.lastAttendanceAt().plus(settings.quietPeriod()));
        return graceOver && quiet ? Optional.of(FinalizeReason.QUIET_AFTER_END) : Optional.empty();
    }

    private void finalizeSession(String sessionId, FinalizeReason reason, Instant now) {
        Optional<SessionDefinition> session = stores.session(sessionId);
        if (session.isEmpty()) {
            return; // the session was deleted from the catalog: nothing to credit it against
        }
        List<Accrual> accruals = new ArrayList<>();
        try (KeyValueIterator<String, Accrual> it = stores.accruals.prefixScan(
                sessionId + CreditStores.SEPARATOR, new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(entry -> accruals.add(entry.value));
        }
        for (Accrual accrual : accruals) {
            Licensee licensee = stores.licensees.get(accrual.licenseeId());
            engine.apply(accrual, new AccrualInput.FinalizeSession(reason, session.get(), licensee), now);
        }
    }

    private void reevaluateCompliance(Instant now) {
        List<String> licensees = new ArrayList<>();
        try (KeyValueIterator<String, Licensee> it = stores.licensees.all()) {
            it.forEachRemaining(entry -> licensees.add(entry.key));
        }
        licensees.forEach(id -> engine.updateCompliance(id, now));
    }
}
