package dev.accrue.search.indexing.kafka;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Session;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.stereotype.Component;

/**
 * Reads record values itself, rather than in the consumer, so that a corrupt record is one
 * dead letter instead of a poison pill that stops the partition. A registry that cannot be reached
 * is not the record's fault: that error propagates and the batch is retried.
 */
@Component
class EventReader {

    private final Map<String, Deserializer<? extends SpecificRecord>> byTopic;

    EventReader(AvroSerdes serdes, AccrueTopics topics) {
        this.byTopic = Map.of(
                topics.sessions(), serdes.valueSerde(Session.class).deserializer(),
                topics.attendance(), serdes.valueSerde(AttendanceEvent.class).deserializer(),
                topics.credits(), serdes.valueSerde(CreditAward.class).deserializer(),
                topics.certificates(), serdes.valueSerde(CertificateIssued.class).deserializer(),
                topics.compliance(), serdes.valueSerde(ComplianceStatus.class).deserializer());
    }

    /** The topics this service indexes. */
    List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }

    /** The value, null for a tombstone; throws {@link SerializationException} when it can never be read. */
    SpecificRecord read(ConsumerRecord<String, byte[]> record) {
        Deserializer<? extends SpecificRecord> deserializer = byTopic.get(record.topic());
        if (deserializer == null) {
            throw new SerializationException("Topic " + record.topic() + " is not indexed");
        }
        return deserializer.deserialize(record.topic(), record.value());
    }
}
