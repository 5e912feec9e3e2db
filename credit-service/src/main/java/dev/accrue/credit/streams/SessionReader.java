package dev.accrue.credit.streams;

import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.events.Session;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads sessions for one processor. The global session table keeps each record's bytes as
 * published, and every attendance event looks its session up: decoding the Avro record and mapping it
 * to the domain each time was a tenth of the stream thread. So a session's bytes are decoded once and
 * the result reused while the table holds the same bytes; a changed session has other bytes and is
 * decoded again. Keeps the most recently used {@value #CAPACITY} sessions; not thread-safe (one per processor).
 */
final class SessionReader {

    static final int CAPACITY = 4096;

    private record Decoded(byte[] raw, SessionDefinition session) {
    }

    private final Deserializer<Session> avro;
    private final String topic;
    private final Map<String, Decoded> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
            return size() > CAPACITY;
        }
    };

    SessionReader(Deserializer<Session> avro, String topic) {
        this.avro = avro;
        this.topic = topic;
    }

    SessionDefinition read(String sessionId, byte[] raw) {
        Decoded cached = recent.get(sessionId);
        if (cached != null && Arrays.equals(cached.raw(), raw)) {
            return cached.session();
        }
        SessionDefinition session = CatalogMapper.toDomain(avro.deserialize(topic, raw));
        recent.put(sessionId, new Decoded(raw, session));
        return session;
    }

    /**
     * The serde the global table consumes the session topic with: keeps the bytes, but decodes each record
     * once on the way in, so an unreadable session still stops the global thread as before instead of
     * failing every lookup later. The store itself uses a plain byte serde, or every read would decode too.
     */
    static Serde<byte[]> checkedOnArrival(Deserializer<Session> reader) {
        return Serdes.serdeFrom(Serdes.ByteArray().serializer(), (topic, data) -> {
            if (data != null) {
                reader.deserialize(topic, data);
            }
            return data;
        });
    }

    /** Keeps the global session store: the bytes of each session as published, removed by a tombstone. */
    static final class TableUpdater implements Processor<String, byte[], Void, Void> {

        private TimestampedKeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(CreditTopology.SESSION_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
            }
        }
    }
}
