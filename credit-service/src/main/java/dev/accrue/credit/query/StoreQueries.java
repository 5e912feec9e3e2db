package dev.accrue.credit.query;

import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.accrual.TranscriptQueries;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.catalog.kafka.ProviderMapper;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertificateQueries;
import dev.accrue.credit.certificate.kafka.CertificateMapper;
import dev.accrue.credit.compliance.ComplianceQueries;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.streams.CreditTopology;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.Session;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over the topology's stores, behind the features' query ports. Per-licensee stores
 * are partitioned, so a caller first asks {@link #ownerOf} and forwards to that instance when it is not
 * this one; certificates live in a global store that every instance can answer from.
 */
@Component
public class StoreQueries implements TranscriptQueries, ComplianceQueries, CertificateQueries {

    private static final Logger log = LoggerFactory.getLogger(StoreQueries.class);

    /**
     * Kafka Streams cannot answer queries now (starting, rebalancing, restoring, failed or stopped); the web layer
     * answers 503 with Retry-After rather than an error.
     */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String detail) {
            super(detail);
        }
    }

    /** Where a licensee's state lives: here, or at another instance's {@code application.server}. */
    public record Owner(boolean local, String host, int port) {
    }

    private final KafkaStreamsInteractiveQueryService queries;
    private final StreamsBuilderFactoryBean streams;
    private final Deserializer<Session> sessionReader;
    private final String sessionsTopic;

    StoreQueries(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams, AvroSerdes serdes,
                 AccrueTopics topics) {
        this.queries = queries;
        this.streams = streams;
        this.sessionReader = serdes.valueSerde(Session.class).deserializer();
        this.sessionsTopic = topics.sessions();
    }

    public Owner ownerOf(String licenseeId) {
        KafkaStreams running = running();
        HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
        KeyQueryMetadata metadata = running
                .queryMetadataForKey(CreditTopology.TRANSCRIPT_STORE, licenseeId, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost() == null) {
            // Not "here": answering from this instance's stores would give 404 for a licensee that exists elsewhere.
            throw new Unavailable("Credit processing cannot say now which instance holds licensee '" + licenseeId + "'");
        }
        HostInfo owner = metadata.activeHost();
        if (owner.equals(self)) {
            return new Owner(true, self.host(), self.port());
        }
        return new Owner(false, owner.host(), owner.port());
    }

    @Override
    public Optional<Transcript> transcript(String licenseeId) {
        return Optional.ofNullable(this.<Transcript>local(CreditTopology.TRANSCRIPT_STORE, licenseeId));
    }

    @Override
    public boolean knowsLicensee(String licenseeId) {
        return local(CreditTopology.LICENSEE_STORE, licenseeId) != null;
    }

    @Override
    public Optional<List<ComplianceReport>> compliance(String licenseeId) {
        return Optional.ofNullable(this.<List<ComplianceReport>>local(CreditTopology.COMPLIANCE_STORE, licenseeId));
    }

    @Override
    public Optional<Certificate> certificate(String certificateId) {
        ValueAndTimestamp<CertificateIssued> stored = query(() -> queries.<ReadOnlyKeyValueStore<String,
                ValueAndTimestamp<CertificateIssued>>>retrieveQueryableStore(CreditTopology.CERTIFICATE_STORE,
                QueryableStoreTypes.timestampedKeyValueStore()).get(certificateId));
        return Optional.ofNullable(stored).map(ValueAndTimestamp::value).map(CertificateMapper::toDomain);
    }

    @Override
    public Optional<ProviderProfile> provider(String providerId) {
        ValueAndTimestamp<dev.accrue.events.ProviderProfile> stored = query(() -> queries.<ReadOnlyKeyValueStore<String,
                ValueAndTimestamp<dev.accrue.events.ProviderProfile>>>retrieveQueryableStore(CreditTopology.PROVIDER_STORE,
                QueryableStoreTypes.timestampedKeyValueStore()).get(providerId));
        return Optional.ofNullable(stored).map(ValueAndTimestamp::value).map(ProviderMapper::toDomain);
    }

    /**
     * A session from the global session store (every instance holds every session); empty when it is unknown
     * or cannot be read now.
     */
    @Override
    public Optional<SessionDefinition> session(String sessionId) {
        ValueAndTimestamp<byte[]> stored = query(() -> queries.<ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>>>
                retrieveQueryableStore(CreditTopology.SESSION_STORE, QueryableStoreTypes.timestampedKeyValueStore())
                .get(sessionId));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CatalogMapper.toDomain(sessionReader.deserialize(sessionsTopic, stored.value())));
        } catch (RuntimeException e) {
            // The registry may be unreachable for a schema this reader has not cached yet: callers then do
            // without the session (a certificate is dated in UTC) rather than fail the request.
            log.warn("Cannot read session {} now ({})", sessionId, e.getMessage());
            return Optional.empty();
        }
    }

    private <V> V local(String store, String key) {
        return query(() -> queries.<ReadOnlyKeyValueStore<String, V>>retrieveQueryableStore(store,
                QueryableStoreTypes.keyValueStore()).get(key));
    }

    /** Runs a store read while Streams is RUNNING; a store that moves away meanwhile is unavailable too, not an error. */
    private <T> T query(Supplier<T> read) {
        running();
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new Unavailable("The credit stores are not available now (" + e.getMessage() + ")");
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InvalidStateStoreException) { // spring-kafka's retries gave up
                throw new Unavailable("The credit stores are not available now (" + e.getCause().getMessage() + ")");
            }
            throw e;
        }
    }

    private KafkaStreams running() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new Unavailable("Credit processing is " + (state == null ? "NOT_STARTED" : state.name())
                    + ", not RUNNING; its stores cannot be read now");
        }
        return kafkaStreams;
    }
}
