package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.kafka.CertificateMapper;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.Session;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over the topology's stores. Per-licensee stores are partitioned, so a caller
 * first asks {@link #ownerOf} and forwards to that instance when it is not this one; certificates
 * live in a global store that every instance can answer from.
 */
@Component
public class StoreQueries {

    private static final Logger log = LoggerFactory.getLogger(StoreQueries.class);

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
        HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
        KeyQueryMetadata metadata = streams.getKafkaStreams()
                .queryMetadataForKey(CreditTopology.TRANSCRIPT_STORE, licenseeId, new StringSerializer());
        HostInfo owner = metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) ? null : metadata.activeHost();
        if (owner == null || owner.equals(self)) {
            return new Owner(true, self.host(), self.port());
        }
        return new Owner(false, owner.host(), owner.port());
    }

    public Optional<Transcript> transcript(String licenseeId) {
        return Optional.ofNullable(this.<Transcript>local(CreditTopology.TRANSCRIPT_STORE).get(licenseeId));
    }

    public boolean knowsLicensee(String licenseeId) {
        return local(CreditTopology.LICENSEE_STORE).get(licenseeId) != null;
    }

    public Optional<List<ComplianceReport>> compliance(String licenseeId) {
        return Optional.ofNullable(this.<List<ComplianceReport>>local(CreditTopology.COMPLIANCE_STORE).get(licenseeId));
    }

    public Optional<Certificate> certificate(String certificateId) {
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<CertificateIssued>> store = queries.retrieveQueryableStore(
                CreditTopology.CERTIFICATE_STORE, QueryableStoreTypes.timestampedKeyValueStore());
        return Optional.ofNullable(store.get(certificateId)).map(ValueAndTimestamp::value).map(CertificateMapper::toDomain);
    }

    /**
     * A session from the global session store (every instance holds every session); empty when it is unknown
     * or cannot be read now.
     */
    public Optional<SessionDefinition> session(String sessionId) {
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store = queries.retrieveQueryableStore(
                CreditTopology.SESSION_STORE, QueryableStoreTypes.timestampedKeyValueStore());
        ValueAndTimestamp<byte[]> stored = store.get(sessionId);
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

    private <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        return queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore());
    }
}
