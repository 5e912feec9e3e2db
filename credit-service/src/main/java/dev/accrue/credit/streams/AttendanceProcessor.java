package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.AccrualRetention;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.FinalizationPolicy;
import dev.accrue.credit.accrual.FinalizationPolicy.Closure;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.attendance.PendingAttendance.Origin;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.streams.store.OpenSession;
import dev.accrue.events.AttendanceEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Applies attendance (keyed by licensee) to the licensee's accrual for the session, and finalizes
 * live sessions following {@link FinalizationPolicy}: a closed session once this task has read past
 * the closure or has read no attendance for the settle period since it saw it; an unclosed one when
 * {@code endsAt} plus the grace period has passed and no attendance for it arrived in this task for
 * the quiet period. A wall-clock punctuator reading the injected clock checks them, so finalization
 * happens even when no new records arrive. Records that can never be credited go to rejections at
 * once, with the reason; those whose licensee or session is not known yet are held ({@link AttendanceIntake}).
 */
final class AttendanceProcessor implements Processor<String, Decoded<AttendanceEvent>, String, CreditOutput> {

    /** The source named on a rejection made by the finalization check, which reads no record. */
    static final String FINALIZATION = "(finalization)";

    private final Clock clock;
    private final CreditStreamsProperties settings;
    private final CreditRuleBook creditRules;
    private final BoardRuleBook boardRules;
    private final UnknownReferencePolicy unknownReferences;
    private final SessionReader sessionReader;
    private final FinalizationPolicy finalization;
    private ProcessorContext<String, CreditOutput> context;
    private TaskProgress progress;
    private CreditStores stores;
    private CreditEngine engine;
    private AttendanceIntake intake;
    private OpenSessionTracker openSessions;
    /** The last retention check stopped at its per-run limit; the finalization check continues it. */
    private boolean retentionUnfinished;

    AttendanceProcessor(Clock clock, CreditStreamsProperties settings, CreditRuleBook creditRules, BoardRuleBook boardRules,
                        UnknownReferencePolicy unknownReferences, SessionReader sessionReader) {
        this.sessionReader = sessionReader;
        this.clock = clock;
        this.settings = settings;
        this.creditRules = creditRules;
        this.boardRules = boardRules;
        this.unknownReferences = unknownReferences;
        this.finalization = new FinalizationPolicy(settings.finalizationGrace(), settings.quietPeriod(),
                settings.closureSettle());
    }

    @Override
    public void init(ProcessorContext<String, CreditOutput> context) {
        this.context = context;
        this.stores = new CreditStores(context, sessionReader);
        this.progress = new TaskProgress(clock.instant());
        BiConsumer<String, CreditOutput> emit = (key, output) -> context.forward(new Record<>(key, output, clock.millis()));
        this.engine = new CreditEngine(stores, creditRules, boardRules, emit);
        // New for every task instance: values remembered and not written yet die with the task (see the tracker).
        this.openSessions = new OpenSessionTracker(stores.openSessions);
        this.intake = new AttendanceIntake(stores, engine, unknownReferences, emit, this::closedAndCaughtUp,
                (session, now) -> openSessions.attended(session.sessionId(), session.endsAt(), now),
                new AccrualRetention(settings.accrualRetention()));
        // Wall-clock punctuation: finalization must not wait for new records to advance stream time.
        // Held attendance is retried first (its session may have reached the global table since), so it
        // is credited before its session is finalized.
        context.schedule(settings.finalizationCheckInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> {
            Instant now = clock.instant();
            intake.retryAll(now);
            finalizeDueSessions(now);
            if (retentionUnfinished) {
                checkRetention(now); // the last check stopped at its limit: go on without waiting for the next interval
            }
        });
        context.schedule(settings.complianceCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                ignored -> reevaluateCompliance(clock.instant()));
        context.schedule(settings.retentionCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                ignored -> checkRetention(clock.instant()));
    }

    private void checkRetention(Instant now) {
        RetainedSessions.Run run = intake.deleteExpiredAccruals(now, settings.retentionCheckLimit());
        run.deleted().forEach(sessionId -> {
            openSessions.removed(sessionId);
            progress.finalized(sessionId);
        });
        retentionUnfinished = !run.finished();
    }

    @Override
    public void process(Record<String, Decoded<AttendanceEvent>> decoded) {
        // Every record counts, even one rejected below: it shows how far this task has read (its timestamp
        // is when ingest published it) and that it is still reading, which holds back closure finalization.
        progress.attendanceRead(decoded.timestamp(), clock.instant());
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
        Origin origin = context.recordMetadata().map(m -> new Origin(m.topic(), m.partition(), m.offset()))
                .orElse(new Origin("?", -1, -1));
        intake.accept(AttendanceMapper.toDomain(record.value()).orElseThrow(), origin, clock.instant());
    }

    /**
     * Why the record can never be credited, checked in order; empty when it may be. An unknown
     * session or licensee is not such a problem: it may be known soon, so {@link AttendanceIntake} holds it.
     */
    private Optional<String> problemWith(Record<String, AttendanceEvent> record) {
        AttendanceEvent event = record.value();
        if (event == null) {
            return Optional.of("Empty attendance record (tombstone); attendance is never deleted");
        }
        if (AttendanceMapper.toDomain(event).isEmpty()) {
            return Optional.of("Unknown attendance type; this service version cannot credit it");
        }
        if (!event.getLicenseeId().equals(record.key())) {
            return Optional.of("Record key '" + record.key() + "' is not the licensee id '" + event.getLicenseeId()
                    + "'; attendance must be keyed by licensee");
        }
        return Optional.empty();
    }

    private void reject(String key, String eventId, String reason, byte[] payload) {
        context.forward(new Record<>(key, (CreditOutput) CreditOutput.Rejected.of(context, key, eventId, reason, payload),
                clock.millis()));
    }

    private void finalizeDueSessions(Instant now) {
        openSessions.flush(); // decide on exact last-attendance times
        List<KeyValue<String, FinalizeReason>> due = new ArrayList<>();
        try (KeyValueIterator<String, OpenSession> open = stores.openSessions.all()) {
            open.forEachRemaining(entry -> dueReason(entry.key, entry.value, now)
                    .ifPresent(reason -> due.add(KeyValue.pair(entry.key, reason))));
        }
        for (KeyValue<String, FinalizeReason> session : due) {
            finalizeSession(session.key, session.value, now);
            stores.openSessions.delete(session.key);
            openSessions.removed(session.key);
            progress.finalized(session.key);
        }
    }

    private Optional<FinalizeReason> dueReason(String sessionId, OpenSession open, Instant now) {
        Optional<Closure> closure = stores.closedAt(sessionId).map(closedAt -> progress.closure(sessionId, closedAt, now));
        return finalization.due(open.endsAt(), open.lastAttendanceAt(), closure, progress.progress(), now);
    }

    private boolean closedAndCaughtUp(String sessionId) {
        return stores.closedAt(sessionId).filter(closedAt -> finalization.caughtUp(closedAt, progress.progress()))
                .isPresent();
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
            engine.apply(accrual, new AccrualInput.FinalizeSession(reason, session.get(), licensee), now,
                    refusal -> context.forward(new Record<>(accrual.licenseeId(), (CreditOutput) new CreditOutput.Rejected(
                            FINALIZATION, -1, -1L, accrual.licenseeId(), null, refusal, null), clock.millis())));
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
