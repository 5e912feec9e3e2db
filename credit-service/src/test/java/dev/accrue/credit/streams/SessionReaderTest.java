package dev.accrue.credit.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.events.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionReaderTest {

    private static final Instant UPDATED = Instant.parse("2025-03-01T00:00:00Z");
    private final Serde<Session> avro = new InMemorySchemaRegistry().serde(Session.class);
    private final AtomicInteger decoded = new AtomicInteger();
    private final Deserializer<Session> counting = (topic, data) -> {
        decoded.incrementAndGet();
        return avro.deserializer().deserialize(topic, data);
    };
    private final SessionReader reader = new SessionReader(counting, "accrue.sessions");

    @Test
    void theSameBytesAreDecodedOnceAndChangedBytesAgain() {
        SessionDefinition three = Fixtures.live(3, ApprovalBody.APA);
        SessionDefinition two = Fixtures.live(2, ApprovalBody.APA);

        assertThat(reader.read(three.sessionId(), bytes(three))).isEqualTo(three);
        assertThat(reader.read(three.sessionId(), bytes(three))).isEqualTo(three);
        assertThat(decoded).hasValue(1);
        assertThat(reader.read(two.sessionId(), bytes(two))).isEqualTo(two);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void theTopicSerdeKeepsThePublishedBytesAndRefusesUnreadableOnes() {
        byte[] published = bytes(Fixtures.live(3, ApprovalBody.APA));
        Serde<byte[]> table = SessionReader.checkedOnArrival(avro.deserializer());

        assertThat(table.deserializer().deserialize("accrue.sessions", published)).isSameAs(published);
        assertThatThrownBy(() -> table.deserializer().deserialize("accrue.sessions", new byte[] {0, 0, 0, 0, 99, 1}))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void theTopologyMakesOneSessionSerdeForTheGlobalStoreAndEveryProcessor(@TempDir Path state) {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        AtomicInteger sessionSerdes = new AtomicInteger();
        CreditTopology.AvroSerdeFactory counting = new CreditTopology.AvroSerdeFactory() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
                if (type == Session.class) {
                    sessionSerdes.incrementAndGet();
                }
                return registry.serde(type);
            }
        };
        StreamsBuilder builder = new StreamsBuilder();
        new CreditTopology(CreditTopologyHarness.TOPICS, CreditTopologyHarness.SETTINGS, counting, Clock.systemUTC(),
                CreditRuleBook.load(), BoardRuleBook.load()).build(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "session-serde-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (TopologyTestDriver started = new TopologyTestDriver(builder.build(), props)) {
            // starting the driver creates every processor instance, each with its session reader
            assertThat(started.getAllStateStores()).containsKey(CreditTopology.SESSION_STORE);
        }
        assertThat(sessionSerdes).hasValue(1);
    }

    private byte[] bytes(SessionDefinition session) {
        return avro.serializer().serialize("accrue.sessions", CatalogMapper.toAvro(session, UPDATED));
    }
}
