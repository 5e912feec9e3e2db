package dev.accrue.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The floor under the credit topology: the least an exactly-once Kafka Streams application does with the same
 * records, a count per key (licensee) in a RocksDB store with its changelog, with credit-service's stream settings
 * (one stream thread, {@code exactly_once_v2}, commit interval 100 ms). The ratio of credit to it is what the credit
 * topology itself costs, beyond the transactions and state writes any such application pays.
 */
final class StreamsFloor {

    private StreamsFloor() {
    }

    /**
     * Events/s from its first committed offset until its group has committed every record of the topic. Its state
     * goes under the run's folder, with credit-service's, which {@link BenchContext} deletes when the run ends.
     */
    static Sampler.Throughput measure(BenchContext context, BenchKafka kafka, String topic, long events)
            throws InterruptedException {
        String applicationId = "bench-streams-floor-" + UUID.randomUUID();
        Path stateDir = context.logDir().resolve("credit-streams-floor");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, context.endpoints().kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .groupByKey()
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("floor-counts")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        Progress.Bar bar = Progress.bar("events", events);
        try (Sampler committed = new Sampler("streams-floor", () -> kafka.committedSum(applicationId, topic), 100, bar);
             KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            boolean complete = committed.awaitAtLeast(events, Duration.ofSeconds(60 + events / 400));
            bar.close();
            if (!complete) {
                throw new IllegalStateException("The Streams floor committed " + committed.last() + " of " + events
                        + " records before the wait ended");
            }
            return committed.throughput(0, events);
        }
    }
}
