package dev.accrue.credit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.accrue.credit.streams.CreditTopology;
import dev.accrue.credit.streams.CreditTopologyHarness;
import dev.accrue.platform.kafka.AvroSerdes;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/** Which instance answers for a licensee; when Streams cannot say, none does yet (503), not this one (404). */
class StoreQueriesTest {

    private static final HostInfo SELF = new HostInfo("10.0.0.1", 8082);
    private final KafkaStreams kafkaStreams = mock(KafkaStreams.class);
    private StoreQueries queries;

    @BeforeEach
    void runningStreams() {
        StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
        when(factory.getKafkaStreams()).thenReturn(kafkaStreams);
        when(kafkaStreams.state()).thenReturn(KafkaStreams.State.RUNNING);
        KafkaStreamsInteractiveQueryService interactive = mock(KafkaStreamsInteractiveQueryService.class);
        when(interactive.getCurrentKafkaStreamsApplicationHostInfo()).thenReturn(SELF);
        queries = new StoreQueries(interactive, factory, mock(AvroSerdes.class, RETURNS_DEEP_STUBS),
                CreditTopologyHarness.TOPICS);
    }

    @Test
    void aLicenseeWhoseOwnerStreamsCannotNameYetIsUnavailableNotLocal() {
        owner(KeyQueryMetadata.NOT_AVAILABLE);

        assertThatThrownBy(() -> queries.ownerOf("lic-1")).isInstanceOf(StoreQueries.Unavailable.class)
                .hasMessageContaining("'lic-1'");
    }

    @Test
    void aLicenseeOwnedHereOrElsewhereIsAnsweredThere() {
        owner(new KeyQueryMetadata(SELF, Set.of(), 0));
        assertThat(queries.ownerOf("lic-1")).isEqualTo(new StoreQueries.Owner(true, "10.0.0.1", 8082));

        owner(new KeyQueryMetadata(new HostInfo("10.0.0.2", 8082), Set.of(), 1));
        assertThat(queries.ownerOf("lic-1")).isEqualTo(new StoreQueries.Owner(false, "10.0.0.2", 8082));
    }

    @SuppressWarnings("unchecked")
    private void owner(KeyQueryMetadata metadata) {
        when(kafkaStreams.queryMetadataForKey(eq(CreditTopology.TRANSCRIPT_STORE), eq("lic-1"), any(Serializer.class)))
                .thenReturn(metadata);
    }
}
