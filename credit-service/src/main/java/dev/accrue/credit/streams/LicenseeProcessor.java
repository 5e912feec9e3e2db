package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.AccrualRetention;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.LicenseeProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the local copy of licensee profiles (co-partitioned with attendance, both keyed by
 * licensee) and re-evaluates compliance when a profile changes, e.g. a new licence or cycle.
 * When a profile arrives, the licensee's attendance that was held because the profile was not
 * known yet is credited at once. A tombstone removes the profile; awards already granted stay
 * on the transcript.
 */
final class LicenseeProcessor implements Processor<String, Decoded<LicenseeProfile>, String, CreditOutput> {

    private final Clock clock;
    private final CreditRuleBook creditRules;
    private final BoardRuleBook boardRules;
    private final UnknownReferencePolicy unknownReferences;
    private final SessionReader sessionReader;
    private final AccrualRetention retention;
    private ProcessorContext<String, CreditOutput> context;
    private CreditStores stores;
    private CreditEngine engine;
    private AttendanceIntake intake;

    LicenseeProcessor(Clock clock, CreditRuleBook creditRules, BoardRuleBook boardRules,
                      UnknownReferencePolicy unknownReferences, SessionReader sessionReader, AccrualRetention retention) {
        this.retention = retention;
        this.sessionReader = sessionReader;
        this.clock = clock;
        this.creditRules = creditRules;
        this.boardRules = boardRules;
        this.unknownReferences = unknownReferences;
    }

    @Override
    public void init(ProcessorContext<String, CreditOutput> context) {
        this.context = context;
        this.stores = new CreditStores(context, sessionReader);
        BiConsumer<String, CreditOutput> emit = (key, output) -> context.forward(new Record<>(key, output, clock.millis()));
        this.engine = new CreditEngine(stores, creditRules, boardRules, emit);
        // Never final on release here: the attendance processor's punctuator knows how far the task has read
        // attendance, and finalizes a closed session once it has read past the closure or settled.
        this.intake = new AttendanceIntake(stores, engine, unknownReferences, emit, sessionId -> false,
                AttendanceIntake.OpenSessions.writeThrough(stores), retention);
    }

    @Override
    public void process(Record<String, Decoded<LicenseeProfile>> decoded) {
        if (!decoded.value().readable()) {
            context.forward(new Record<>(decoded.key(), (CreditOutput) CreditOutput.Rejected.of(context, decoded.key(),
                    null, decoded.value().error(), decoded.value().raw()), clock.millis()));
            return;
        }
        Record<String, LicenseeProfile> record = decoded.withValue(decoded.value().value());
        if (record.value() == null) {
            stores.licensees.delete(record.key());
            return;
        }
        Instant now = clock.instant();
        stores.licensees.put(record.key(), LicenseeMapper.toDomain(record.value()));
        // Edge case: attendance that arrived before this profile waits in the pending store; credit it now.
        intake.retry(record.key(), now);
        engine.updateCompliance(record.key(), now);
    }
}
