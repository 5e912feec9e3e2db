package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.AccrualRetention;
import dev.accrue.credit.accrual.ClosurePolicy;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.accrual.SessionFitPolicy;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.attendance.PendingAttendance.Origin;
import dev.accrue.credit.attendance.PendingAttendance.Pending;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.attendance.UnknownReferencePolicy.Decision;
import dev.accrue.credit.attendance.UnknownReferencePolicy.Release;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.streams.store.OpenSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Credits well-formed attendance, or holds it in the licensee's pending store while its licensee
 * or session is not known yet ({@link UnknownReferencePolicy}): a profile or session created just
 * before its attendance may be processed after it, since Kafka Streams orders neither the two
 * co-partitioned topics nor the global session table against attendance. Shared by the attendance
 * processor (new events, and the punctuator that retries held ones) and the licensee processor (a
 * profile arrived), so every path credits an event the same way. The pending store is a local
 * store of the same task, so holding, releasing and crediting commit atomically with the offsets
 * under exactly-once: a restart neither loses a held event nor credits one twice.
 */
final class AttendanceIntake {

    private final CreditStores stores;
    private final CreditEngine engine;
    private final UnknownReferencePolicy policy;
    private final BiConsumer<String, CreditOutput> emit;
    private final Predicate<String> closedAndCaughtUp;
    private final OpenSessions openSessions;
    private final AccrualRetention retention;
    private final RetainedSessions retained;
    /**
     * Events held in this task, for the task's hold limit; -1 until counted. Counted exactly whenever the
     * punctuator scans the pending store, and kept up to date in between by what this instance holds and
     * releases. Releases by the other processor's instance (a profile arrived) are seen at the next scan
     * only, so between scans the count may be too high, never too low: the limit is never exceeded.
     */
    private int heldInTask = -1;

    /** Records that attendance for a live session that is not final yet was applied at {@code now}. */
    @FunctionalInterface
    interface OpenSessions {
        void attended(SessionDefinition session, Instant now);

        /** Writes every time (a value and a changelog record per event); for paths that credit rarely. */
        static OpenSessions writeThrough(CreditStores stores) {
            return (session, now) -> stores.openSessions.put(session.sessionId(), new OpenSession(session.endsAt(), now));
        }
    }

    /**
     * {@code closedAndCaughtUp} answers whether a session's provider closed it and this task has read
     * past the closure ({@link dev.accrue.credit.accrual.FinalizationPolicy#caughtUp}), so attendance
     * for it is final as soon as it is credited; otherwise the finalization punctuator decides, from what
     * {@code openSessions} recorded in {@code open-session-store}.
     */
    AttendanceIntake(CreditStores stores, CreditEngine engine, UnknownReferencePolicy policy,
                     BiConsumer<String, CreditOutput> emit, Predicate<String> closedAndCaughtUp,
                     OpenSessions openSessions, AccrualRetention retention) {
        this.stores = stores;
        this.engine = engine;
        this.policy = policy;
        this.emit = emit;
        this.closedAndCaughtUp = closedAndCaughtUp;
        this.openSessions = openSessions;
        this.retention = retention;
        this.retained = new RetainedSessions(stores);
    }

    /** A session and licensee an event can be credited against, or why not yet. */
    private record Lookup(SessionDefinition session, Licensee licensee, Optional<String> unknown) {
    }

    /** A new, well-formed event read from {@code origin}: credited now, or held while a reference is unknown. */
    void accept(Attendance attendance, Origin origin, Instant now) {
        Lookup lookup = lookUp(attendance);
        if (lookup.unknown().isEmpty()) {
            credit(attendance, lookup, origin, now);
            return;
        }
        // Edge case: licensee or session unknown (yet). Held, not rejected; rejected only after the wait.
        Decision decision = policy.hold(stores.pending(attendance.licenseeId()), new Pending(attendance, now, origin),
                lookup.unknown().get(), heldInTask());
        if (decision instanceof Decision.Held held) {
            stores.putPending(held.next());
            heldInTask++;
        } else if (decision instanceof Decision.Refused refused) {
            reject(attendance, origin, refused.reason()); // edge case: the licensee's or the task's hold is full
        }
        // Decision.AlreadyHeld: the same event id waits already; a redelivery changes nothing.
    }

    /**
     * Credits the licensee's held events whose licensee and session are known now, in arrival order,
     * and rejects those still unknown after the wait. Called when the licensee's profile arrives and
     * by the punctuator (sessions come from the global table, which has no per-record hook).
     */
    void retry(String licenseeId, Instant now) {
        PendingAttendance pending = stores.pending.get(licenseeId);
        if (pending == null) {
            return;
        }
        Release release = policy.release(pending, attendance -> lookUp(attendance).unknown(), now);
        if (!release.changed()) {
            return;
        }
        stores.putPending(release.remaining());
        if (heldInTask >= 0) {
            heldInTask -= release.ready().size() + release.expired().size();
        }
        for (Pending ready : release.ready()) {
            credit(ready.attendance(), lookUp(ready.attendance()), ready.origin(), now);
        }
        release.expired().forEach(expired ->
                reject(expired.pending().attendance(), expired.pending().origin(), expired.reason()));
    }

    /** Retries every licensee of this task that has held events; the pending store holds only those. */
    void retryAll(Instant now) {
        List<String> licensees = new ArrayList<>();
        int held = 0;
        try (KeyValueIterator<String, PendingAttendance> it = stores.pending.all()) {
            while (it.hasNext()) {
                var entry = it.next();
                licensees.add(entry.key);
                held += entry.value.size();
            }
        }
        heldInTask = held;
        licensees.forEach(licenseeId -> retry(licenseeId, now));
    }

    /** Deletes accruals of sessions past the retention, at most {@code limit} of each kind of work (see {@link RetainedSessions}). */
    RetainedSessions.Run deleteExpiredAccruals(Instant now, int limit) {
        return retained.deleteExpired(retention, now, limit);
    }

    private int heldInTask() {
        if (heldInTask < 0) {
            heldInTask = 0;
            try (KeyValueIterator<String, PendingAttendance> it = stores.pending.all()) {
                it.forEachRemaining(entry -> heldInTask += entry.value.size());
            }
        }
        return heldInTask;
    }

    private Lookup lookUp(Attendance attendance) {
        Optional<SessionDefinition> session = stores.session(attendance.sessionId());
        Licensee licensee = stores.licensees.get(attendance.licenseeId());
        String sessionId = "'" + attendance.sessionId() + "'";
        String licenseeId = "'" + attendance.licenseeId() + "'";
        String unknown = session.isEmpty() && licensee == null ? "Unknown session " + sessionId + " and licensee " + licenseeId
                : session.isEmpty() ? "Unknown session " + sessionId
                : licensee == null ? "Unknown licensee " + licenseeId
                : null;
        return new Lookup(session.orElse(null), licensee, Optional.ofNullable(unknown));
    }

    private void credit(Attendance attendance, Lookup known, Origin origin, Instant now) {
        SessionDefinition session = known.session();
        // Edge cases: a completion for a live session (or the reverse), or a session whose accruals were deleted.
        Optional<String> refusal = SessionFitPolicy.misfit(attendance, session).or(() -> retention.refusal(session, now));
        if (refusal.isPresent()) {
            reject(attendance, origin, refusal.get());
            return;
        }
        Accrual before = stores.accrual(session.sessionId(), attendance.licenseeId());
        Accrual state = engine.apply(before, new AccrualInput.RecordAttendance(attendance, session, known.licensee()), now,
                reason -> reject(attendance, origin, reason)); // edge case: the accrual or transcript is full
        if (state == before) {
            return; // a fact held already (redelivery, replay, repeat) or refused: nothing changes, not even quiet time
        }
        if (!session.isSelfStudy()) {
            retained.kept(session.sessionId(), session.endsAt());
        }
        switch (ClosurePolicy.afterCredit(session, state, closedAndCaughtUp.test(session.sessionId()))) {
            case FINALIZE_NOW -> engine.apply(state, new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER,
                    session, known.licensee()), now, reason -> reject(attendance, origin, reason));
            case KEEP_OPEN -> openSessions.attended(session, now);
            case NOTHING -> { }
        }
    }

    private void reject(Attendance attendance, Origin origin, String reason) {
        emit.accept(attendance.licenseeId(), new CreditOutput.Rejected(origin.topic(), origin.partition(),
                origin.offset(), attendance.licenseeId(), attendance.eventId(), reason, null));
    }
}
