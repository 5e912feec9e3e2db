package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.AccrualRetention;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.kafka.AwardMapper;
import dev.accrue.credit.attendance.PendingAttendance;
import dev.accrue.credit.attendance.UnknownReferencePolicy;
import dev.accrue.credit.certificate.kafka.CertificateMapper;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.compliance.kafka.ComplianceMapper;
import dev.accrue.credit.streams.store.JsonSerde;
import dev.accrue.credit.streams.store.StoreCodecs;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.ProviderProfile;
import dev.accrue.events.Rejection;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import dev.accrue.platform.topics.AccrueTopics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The credit topology. Sessions, closures and certificates-by-number are global tables (every
 * task needs every session; certificates are looked up by number). Attendance and licensee
 * profiles are co-partitioned by licensee and share the per-licensee stores, so one task owns all
 * of a licensee's state, including attendance held while its licensee or session is not known
 * yet. Processors emit domain outputs; the topology maps them to Avro and routes each to its topic.
 */
public final class CreditTopology {

    public static final String SESSION_STORE = "session-store";
    public static final String CLOSURE_STORE = "closure-store";
    public static final String CERTIFICATE_STORE = "certificate-store";
    public static final String PROVIDER_STORE = "provider-store";
    public static final String ACCRUAL_STORE = "accrual-store";
    public static final String OPEN_SESSION_STORE = "open-session-store";
    public static final String LICENSEE_STORE = "licensee-store";
    public static final String TRANSCRIPT_STORE = "transcript-store";
    /** The largest transcript record its changelog takes (the producer's max.request.size matches it). */
    static final int TRANSCRIPT_RECORD_BYTES = 8 * 1024 * 1024;
    public static final String COMPLIANCE_STORE = "compliance-store";
    public static final String PENDING_STORE = "pending-attendance-store";
    public static final String RETAINED_STORE = "retained-session-store";
    static final String ATTENDANCE_PROCESSOR = "attendance-processor";
    static final String LICENSEE_PROCESSOR = "licensee-processor";
    static final String REJECTED_BY = "credit-service";

    /** Builds Avro serdes; production uses the platform's registry-backed ones. */
    public interface AvroSerdeFactory {
        <T extends SpecificRecord> Serde<T> serde(Class<T> type);
    }

    private final AccrueTopics topics;
    private final CreditStreamsProperties settings;
    private final AvroSerdeFactory avro;
    private final Clock clock;
    private final CreditRuleBook creditRules;
    private final BoardRuleBook boardRules;

    public CreditTopology(AccrueTopics topics, CreditStreamsProperties settings, AvroSerdeFactory avro, Clock clock,
                          CreditRuleBook creditRules, BoardRuleBook boardRules) {
        this.topics = topics;
        this.settings = settings;
        this.avro = avro;
        this.clock = clock;
        this.creditRules = creditRules;
        this.boardRules = boardRules;
    }

    public void build(StreamsBuilder builder) {
        Serde<String> keys = Serdes.String();
        // One for the whole topology: each serde has its own registry client and schema cache, and every processor
        // instance (two per task) reads sessions. The deserializer keeps its caches in concurrent maps.
        Deserializer<Session> sessions = avro.serde(Session.class).deserializer();
        // Kept as published bytes: each processor decodes a session once per change (SessionReader). Records are
        // checked on the way in only; reads (one per attendance event) just copy the bytes. A global table would use
        // its topic's serde for the store too, and so decode on every read: hence a global store and its updater.
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(SESSION_STORE), keys, Serdes.ByteArray()).withLoggingDisabled(),
                topics.sessions(), Consumed.with(keys, SessionReader.checkedOnArrival(sessions)),
                SessionReader.TableUpdater::new);
        builder.globalTable(topics.sessionClosures(), Consumed.with(keys, avro.serde(SessionClosed.class)),
                store(CLOSURE_STORE));
        builder.globalTable(settings.certificatesByIdTopic(), Consumed.with(keys, avro.serde(CertificateIssued.class)),
                store(CERTIFICATE_STORE));
        builder.globalTable(topics.providers(), Consumed.with(keys, avro.serde(ProviderProfile.class)),
                store(PROVIDER_STORE));
        addLocalStores(builder);

        String[] stores = {ACCRUAL_STORE, OPEN_SESSION_STORE, LICENSEE_STORE, TRANSCRIPT_STORE, COMPLIANCE_STORE,
                PENDING_STORE, RETAINED_STORE};
        UnknownReferencePolicy unknownReferences = new UnknownReferencePolicy(settings.unknownReferenceWait(),
                settings.unknownReferenceHoldLimit(), settings.unknownReferenceTaskHoldLimit());
        KStream<String, CreditOutput> fromAttendance = builder
                .stream(topics.attendance(), Consumed.with(keys, Decoded.serde(avro.serde(AttendanceEvent.class))))
                .process(() -> new AttendanceProcessor(clock, settings, creditRules, boardRules, unknownReferences,
                                new SessionReader(sessions, topics.sessions())),
                        Named.as(ATTENDANCE_PROCESSOR), stores);
        KStream<String, CreditOutput> fromLicensees = builder
                .stream(topics.licensees(), Consumed.with(keys, Decoded.serde(avro.serde(LicenseeProfile.class))))
                .process(() -> new LicenseeProcessor(clock, creditRules, boardRules, unknownReferences,
                                new SessionReader(sessions, topics.sessions()),
                                new AccrualRetention(settings.accrualRetention())),
                        Named.as(LICENSEE_PROCESSOR), stores);

        fromAttendance.merge(fromLicensees).split(Named.as("output-"))
                .branch((k, out) -> out instanceof CreditOutput.Awarded, Branched.withConsumer(awards -> awards
                        .mapValues(out -> AwardMapper.toAvro(((CreditOutput.Awarded) out).award(),
                                ((CreditOutput.Awarded) out).reportedLicenses()))
                        .to(topics.credits(), Produced.with(keys, avro.serde(CreditAward.class))), "credits"))
                .branch((k, out) -> out instanceof CreditOutput.Certified, Branched.withConsumer(certificates -> {
                    KStream<String, CertificateIssued> issued = certificates
                            .mapValues(out -> CertificateMapper.toAvro(((CreditOutput.Certified) out).certificate()));
                    issued.to(topics.certificates(), Produced.with(keys, avro.serde(CertificateIssued.class)));
                    // Re-keyed by number for the global certificate table; no repartition, just a second topic.
                    issued.selectKey((licensee, certificate) -> certificate.getCertificateId())
                            .to(settings.certificatesByIdTopic(), Produced.with(keys, avro.serde(CertificateIssued.class)));
                }, "certificates"))
                .branch((k, out) -> out instanceof CreditOutput.ComplianceChanged, Branched.withConsumer(reports -> reports
                        .mapValues(out -> ComplianceMapper.toAvro(((CreditOutput.ComplianceChanged) out).report()))
                        .to(topics.compliance(), Produced.with(keys, avro.serde(ComplianceStatus.class))), "compliance"))
                .defaultBranch(Branched.withConsumer(rejections -> rejections
                        .mapValues(out -> rejection((CreditOutput.Rejected) out))
                        .to(topics.rejections(), Produced.with(keys, avro.serde(Rejection.class))), "rejections"));
    }

    private void addLocalStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCRUAL_STORE),
                Serdes.String(), StoreCodecs.accruals()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_SESSION_STORE),
                Serdes.String(), StoreCodecs.openSessions()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LICENSEE_STORE),
                Serdes.String(), StoreCodecs.licensees()));
        // A transcript is one record per licensee that grows over a career; its changelog takes 8 MB records
        // (set when Streams creates the topic), room for TranscriptLimit.AWARDS of the largest awards.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRANSCRIPT_STORE),
                Serdes.String(), StoreCodecs.transcripts())
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(TRANSCRIPT_RECORD_BYTES))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMPLIANCE_STORE),
                Serdes.String(), StoreCodecs.complianceReports()));
        // Changelogged like the others: held attendance survives a restart and commits with the offsets (EOS).
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), JsonSerde.of(PendingAttendance.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RETAINED_STORE),
                Serdes.String(), Serdes.Long()));
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name) {
        return Materialized.as(name);
    }

    private Rejection rejection(CreditOutput.Rejected rejected) {
        return Rejection.newBuilder()
                .setSourceTopic(rejected.sourceTopic()).setPartition(rejected.partition()).setOffset(rejected.offset())
                .setKey(rejected.key()).setEventId(rejected.eventId()).setReason(rejected.reason())
                .setPayload(rejected.payload() == null ? null : ByteBuffer.wrap(rejected.payload()))
                .setRejectedBy(REJECTED_BY).setRejectedAt(clock.instant())
                .build();
    }
}
