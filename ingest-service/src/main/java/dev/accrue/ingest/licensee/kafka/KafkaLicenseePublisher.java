package dev.accrue.ingest.licensee.kafka;

import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.licensee.Licensee;
import dev.accrue.ingest.licensee.LicenseePublisher;
import dev.accrue.ingest.view.Position;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes licensees to the compacted licensees topic, keyed by licenseeId. */
final class KafkaLicenseePublisher implements LicenseePublisher {

    private final AckingProducer producer;
    private final AccrueTopics topics;

    KafkaLicenseePublisher(AckingProducer producer, AccrueTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public List<Position> publishAll(List<Licensee> licensees) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(licensees.size());
        for (Licensee licensee : licensees) {
            records.add(new ProducerRecord<>(topics.licensees(), licensee.licenseeId(), LicenseeMapper.toAvro(licensee)));
        }
        return producer.sendAll(records);
    }
}
