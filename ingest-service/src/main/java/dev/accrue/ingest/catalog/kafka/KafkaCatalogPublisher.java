package dev.accrue.ingest.catalog.kafka;

import dev.accrue.ingest.catalog.CatalogPublisher;
import dev.accrue.ingest.catalog.Session;
import dev.accrue.ingest.catalog.SessionClosure;
import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.view.Position;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes sessions to the compacted sessions topic and closures to the closures topic, both keyed by sessionId. */
final class KafkaCatalogPublisher implements CatalogPublisher {

    private final AckingProducer producer;
    private final AccrueTopics topics;

    KafkaCatalogPublisher(AckingProducer producer, AccrueTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public List<Position> publishAll(List<Session> sessions) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(sessions.size());
        for (Session session : sessions) {
            records.add(new ProducerRecord<>(topics.sessions(), session.sessionId(), SessionMapper.toAvro(session)));
        }
        return producer.sendAll(records);
    }

    @Override
    public Position publish(SessionClosure closure) {
        return producer.send(new ProducerRecord<>(topics.sessionClosures(), closure.sessionId(), SessionMapper.toAvro(closure)));
    }
}
