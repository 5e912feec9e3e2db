package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.kafka.CertificateMapper;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.events.CertificateIssued;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over the topology's stores. Per-licensee stores are partitioned, so a caller
 * first asks {@link #ownerOf} and forwards to that instance when it is not this one; certificates
 * live in a global store that every instance can answer from.
 */
@Component
public class StoreQueries {

    /** Where a licensee's state lives: here, or at another instance's {@code application.server}. */
    public record Owner(boolean local, String host, int port) {
    }

    private final KafkaStreamsInteractiveQueryService queries;
    private final StreamsBuilderFactoryBean streams;

    StoreQueries(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams) {
        this.queries = queries;
        this.streams = streams;
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

    private <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        return queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore());
    }
}
