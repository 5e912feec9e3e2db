package dev.accrue.search.indexing.kafka;

import dev.accrue.events.Rejection;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.topics.AccrueTopics;
import dev.accrue.search.indexing.elastic.BulkWriter;
import dev.accrue.search.indexing.elastic.IndexTemplates;
import dev.accrue.search.indexing.elastic.IndexingProperties;
import dev.accrue.search.indexing.elastic.PendingAttendance;
import dev.accrue.search.indexing.elastic.SessionLookup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the indexing consumer: batch listener, values read as bytes (see {@link EventReader}), manual
 * acknowledgement, a consumer group shared by all instances that starts from the earliest offset (a
 * new deployment indexes the topics' whole history), and an error handler that retries a failed
 * batch with exponential backoff and never gives up, keeping the partitions paused meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class KafkaIndexingConfiguration {

    private static final Duration IDLE_EVENT_INTERVAL = Duration.ofSeconds(1);
    /** Participation and enrolment versions remembered (about 20 MB of heap at most). */
    private static final int KNOWN_VERSIONS = 100_000;

    @Bean
    List<String> indexedTopics(EventReader reader) {
        return reader.topics();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> indexingListenerFactory(KafkaProperties kafka,
                                                                                   IndexingProperties properties,
                                                                                   ObjectProvider<IndexingListener> listener) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        // The listener finishes its batches in flight before a rebalance commits, and when its consumer is idle.
        // (Looked up when needed: the listener's own @KafkaListener processing needs this factory first.)
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                listener.getObject().onPartitionsRevokedBeforeCommit(consumer, partitions);
            }
        });
        factory.getContainerProperties().setIdleEventInterval(IDLE_EVENT_INTERVAL.toMillis());
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    KafkaTemplate<String, Rejection> deadLetterTemplate(KafkaProperties kafka, AvroSerdes serdes) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                serdes.valueSerde(Rejection.class).serializer()));
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, Rejection> deadLetterTemplate, AccrueTopics topics) {
        return new DeadLetters(deadLetterTemplate, topics, Clock.systemUTC());
    }

    @Bean
    IndexingListener indexingListener(EventReader reader, AccrueTopics topics, SessionLookup sessions, BulkWriter writer,
                                      IndexTemplates templates, PendingAttendance pending, DeadLetters deadLetters,
                                      IndexingProperties properties, MeterRegistry meters) {
        return new IndexingListener(new BatchPlanner(reader::read, topics.sessions(), sessions::find, new SessionsInFlight(),
                new StoredVersions(KNOWN_VERSIONS)),
                writer, templates,
                pending, deadLetters, properties.batchesInFlight(), meters);
    }
}
