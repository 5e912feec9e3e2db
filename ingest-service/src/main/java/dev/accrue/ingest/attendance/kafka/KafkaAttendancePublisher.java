package dev.accrue.ingest.attendance.kafka;

import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendancePublisher;
import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes attendance keyed by licenseeId, so one person's events stay in order on one partition. */
final class KafkaAttendancePublisher implements AttendancePublisher {

    private final AckingProducer producer;
    private final AccrueTopics topics;

    KafkaAttendancePublisher(AckingProducer producer, AccrueTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public void publishAll(List<AttendanceEvent> events) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(events.size());
        for (AttendanceEvent event : events) {
            records.add(new ProducerRecord<>(topics.attendance(), event.licenseeId(), AttendanceMapper.toAvro(event)));
        }
        producer.sendAll(records);
    }
}
