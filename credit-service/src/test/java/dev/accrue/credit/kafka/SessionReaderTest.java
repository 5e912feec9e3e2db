package dev.accrue.credit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.events.Session;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

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
    void the_same_bytes_are_decoded_once_and_changed_bytes_again() {
        SessionDefinition three = Fixtures.live(3, ApprovalBody.APA);
        SessionDefinition two = Fixtures.live(2, ApprovalBody.APA);

        assertThat(reader.read(three.sessionId(), bytes(three))).isEqualTo(three);
        assertThat(reader.read(three.sessionId(), bytes(three))).isEqualTo(three);
        assertThat(decoded).hasValue(1);
        assertThat(reader.read(two.sessionId(), bytes(two))).isEqualTo(two);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void the_topic_serde_keeps_the_published_bytes_and_refuses_unreadable_ones() {
        byte[] published = bytes(Fixtures.live(3, ApprovalBody.APA));
        Serde<byte[]> table = SessionReader.checkedOnArrival(avro);

        assertThat(table.deserializer().deserialize("accrue.sessions", published)).isSameAs(published);
        assertThatThrownBy(() -> table.deserializer().deserialize("accrue.sessions", new byte[] {0, 0, 0, 0, 99, 1}))
                .isInstanceOf(RuntimeException.class);
    }

    private byte[] bytes(SessionDefinition session) {
        return avro.serializer().serialize("accrue.sessions", CatalogMapper.toAvro(session, UPDATED));
    }
}
