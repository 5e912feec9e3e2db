package dev.accrue.bench;

import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.KafkaReadiness;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import dev.accrue.schemas.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka for the benchmarks: the Accrue topics (created here, with the partitions and cleanup policy
 * the services declare, so data can be written before any service starts), a producer configured
 * like ingest's, plain consumers, and offsets of topics and consumer groups.
 */
public final class BenchKafka implements AutoCloseable {

    public static final String SESSIONS = "accrue.sessions";
    public static final String CLOSURES = "accrue.session-closures";
    public static final String LICENSEES = "accrue.licensees";
    public static final String ATTENDANCE = "accrue.attendance";
    public static final String CREDITS = "accrue.credits";
    public static final String CERTIFICATES = "accrue.certificates";
    public static final String COMPLIANCE = "accrue.compliance";
    public static final String REJECTIONS = "accrue.rejections";
    public static final String SEARCH_DEAD_LETTERS = "accrue.search-dead-letters";
    /** search-service's consumer group (its default {@code accrue.search.indexing.group-id}). */
    public static final String SEARCH_GROUP = "accrue-search-indexer";
    static final int PARTITIONS = 3;

    private final Endpoints endpoints;
    private final short replication;
    private final Admin admin;

    public BenchKafka(Endpoints endpoints) {
        this(endpoints, (short) 1);
    }

    /** With {@code replication} copies of every topic it creates (a cluster's node count). */
    /** Partitions of every Accrue topic, as created by {@link #createAccrueTopics(int)}. */
    private int partitionCount = PARTITIONS;

    public BenchKafka(Endpoints endpoints, short replication) {
        this.endpoints = endpoints;
        this.replication = replication;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        this.admin = Admin.create(props);
    }

    /** The topics of docs/CONVENTIONS.md, as the platform's TopicsConfiguration declares them. */
    public void createAccrueTopics() {
        createAccrueTopics(PARTITIONS);
    }

    /** The same topics with {@code partitions} partitions each (the scale-out benchmark spreads them over instances). */
    public void createAccrueTopics(int partitions) {
        this.partitionCount = partitions;
        List<NewTopic> topics = new ArrayList<>();
        for (String compacted : List.of(SESSIONS, LICENSEES)) {
            topics.add(new NewTopic(compacted, partitions, replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String plain : List.of(CLOSURES, ATTENDANCE, CREDITS, CERTIFICATES, COMPLIANCE, REJECTIONS, SEARCH_DEAD_LETTERS)) {
            topics.add(new NewTopic(plain, partitions, replication));
        }
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the Accrue topics", e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the Accrue topics", e);
        }
        Map<String, Integer> counts = new HashMap<>();
        topics.forEach(t -> counts.put(t.name(), partitions));
        KafkaReadiness.createTopics(endpoints.kafkaBootstrapServers(), counts, Duration.ofSeconds(60));
    }

    /** A producer set up like ingest's: acks=all, idempotent, lz4, 128 KiB batches, linger 5 ms; Avro values in the Confluent wire format. */
    public KafkaProducer<String, SpecificRecord> producer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(Map.of("schema.registry.url", endpoints.schemaRegistryUrl()), false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** A consumer without a group (assign and seek), reading Avro values of the given type. */
    public <T extends SpecificRecord> KafkaConsumer<String, T> consumer(Class<T> type, boolean readCommitted) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(
                Map.of("schema.registry.url", endpoints.schemaRegistryUrl()), type);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    public List<TopicPartition> partitions(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        return partitions;
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(topic).forEach(tp -> request.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
        }
    }

    public long endOffsetSum(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of the group's committed offsets on the topic's partitions (0 for a partition without a commit). */
    long committedSum(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long sum = 0;
            for (TopicPartition tp : partitions(topic)) {
                OffsetAndMetadata offset = committed.get(tp);
                sum += offset == null ? 0 : offset.offset();
            }
            return sum;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return -1; // the group does not exist yet, or the coordinator is loading
        }
    }

    /** Records on the topic the group has not committed yet (more than there are while the group cannot be read). */
    public long lag(String group, String topic) {
        return endOffsetSum(topic) - committedSum(group, topic);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
