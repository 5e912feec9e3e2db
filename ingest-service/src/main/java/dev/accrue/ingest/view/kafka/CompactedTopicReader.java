package dev.accrue.ingest.view.kafka;

import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a {@link KeyedView} in step with a compacted topic. Every instance reads every partition
 * (manual assignment, no consumer group, no committed offsets): it replays the topic from the
 * beginning at start-up, marks the view ready once it has reached the end offsets it saw then, and
 * keeps tailing. A thread that misses a key can wait until it has caught up to the topic's current end, or to
 * the end of the key's partition.
 */
public final class CompactedTopicReader implements SmartLifecycle {

    /** Applies one record to the view; value is null for a tombstone. */
    public interface Sink {
        void accept(String key, byte[] value, Position position);
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(2);

    private final String topic;
    private final Map<String, Object> consumerProperties;
    private final Duration pollTimeout;
    private final KeyedView<?> view;
    private final Sink sink;
    private final Admin admin;
    private final Object progress = new Object();
    private volatile List<TopicPartition> assigned = List.of();
    /** Per partition, the offset up to which records were applied to the view; null until the partitions are known. */
    private volatile AtomicLongArray appliedUpTo;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CompactedTopicReader(String topic, Map<String, Object> consumerProperties, Admin admin, Duration pollTimeout,
                                KeyedView<?> view, Sink sink) {
        this.topic = topic;
        this.admin = admin;
        this.consumerProperties = new HashMap<>(consumerProperties);
        // No group: every instance reads all partitions, and nothing is committed.
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerProperties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "accrue-ingest-view-" + topic);
        // The broker answers a fetch as soon as new records arrive; without any it holds the fetch this long, which
        // bounds how late the reader notices its stop.
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.pollTimeout = pollTimeout;
        this.view = view;
        this.sink = sink;
    }

    @Override
    public synchronized void start() {
        running = true;
        view.catchUpWith(new KeyedView.CatchUp() {
            @Override
            public boolean await(Duration timeout) {
                return awaitCaughtUp(timeout);
            }

            @Override
            public boolean awaitKey(String key, Duration timeout) {
                return awaitKeyCaughtUp(key, timeout);
            }
        });
        thread = new Thread(this::run, "view-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Blocks until the view has read everything the topic held when asked; false on timeout or failure. */
    boolean awaitCaughtUp(Duration timeout) {
        return awaitEnds(assigned, timeout);
    }

    /**
     * Blocks until the view has read everything the key's partition held when asked. The producer's default
     * partitioner puts every record of a key in partition murmur2(key) mod partitions, so that partition holds
     * all of the key's writes, from any instance.
     */
    boolean awaitKeyCaughtUp(String key, Duration timeout) {
        List<TopicPartition> partitions = assigned;
        if (partitions.isEmpty()) {
            return false;
        }
        return awaitEnds(List.of(new TopicPartition(topic, partitionOf(key, partitions.size()))), timeout);
    }

    /** The partition the producer's default partitioner gives a string key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Asks the broker for the partitions' end offsets (the high watermark: every acknowledged write), then waits
     * until the reader has applied up to them. The reader is not interrupted: it reports what it applied after
     * every poll, and in the common case (nothing new) the wait ends with the broker's answer.
     */
    private boolean awaitEnds(List<TopicPartition> partitions, Duration timeout) {
        if (!running || partitions.isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            synchronized (progress) {
                while (!applied(ends)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !running) {
                        return false;
                    }
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean applied(Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        AtomicLongArray upTo = appliedUpTo;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            int partition = end.getKey().partition();
            if (upTo == null || partition >= upTo.length() || upTo.get(partition) < end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    /** Records where the reader stands in each partition, after the poll's records were applied, and wakes waiters. */
    private void reportProgress(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            appliedUpTo.set(partition.partition(), kafka.position(partition, KAFKA_CALL_TIMEOUT));
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            if (partitions.isEmpty()) {
                return; // stopped before the topic appeared
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            appliedUpTo = new AtomicLongArray(partitions.stream().mapToInt(TopicPartition::partition).max().orElse(0) + 1);
            assigned = partitions;
            long started = System.nanoTime();
            Map<TopicPartition, Long> startupEnd = endOffsets(kafka, partitions);
            while (running) {
                try {
                    pollOnce(kafka);
                    if (!view.isReady() && reached(kafka, startupEnd)) {
                        view.markReady();
                        log.info("{} loaded from {}: {} entries in {} ms", view.name(), topic, view.size(),
                                (System.nanoTime() - started) / 1_000_000);
                    }
                    reportProgress(kafka, partitions);
                } catch (WakeupException e) {
                    if (!running) {
                        throw e;
                    }
                } catch (KafkaException e) {
                    log.warn("Reading {} failed ({}); retrying", topic, e.getMessage());
                    pause();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Reader of {} stopped; the {} will not see new records", topic, view.name(), e);
        } finally {
            consumer = null;
            running = false;
            synchronized (progress) {
                progress.notifyAll(); // waiters give up at once instead of at their deadline
            }
        }
    }

    private void pollOnce(KafkaConsumer<String, byte[]> kafka) {
        try {
            ConsumerRecords<String, byte[]> records = kafka.poll(pollTimeout);
            // Partition by partition: the consumer's position is already past every record of this poll, so
            // a record that cannot be read yet rewinds its own partition and ends only that partition's part
            // (read again from it); the other partitions' records must still be applied, or they are lost.
            boolean rewound = false;
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (!apply(kafka, record)) {
                        rewound = true;
                        break;
                    }
                }
            }
            if (rewound) {
                pause(); // once per poll, however many partitions wait for the registry
            }
        } catch (WakeupException e) {
            if (!running) {
                throw e;
            }
        }
    }

    private boolean apply(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("Skipping a record without key at {}-{}@{}", topic, record.partition(), record.offset());
            return true;
        }
        try {
            sink.accept(record.key(), record.value(), new Position(record.partition(), record.offset()));
            return true;
        } catch (RetriableException e) {
            // Not readable yet (the schema registry is down): read it again, so the view never silently loses a key.
            log.warn("Cannot read {}-{}@{} yet ({}); retrying", topic, record.partition(), record.offset(), e.getMessage());
            kafka.seek(new TopicPartition(topic, record.partition()), record.offset());
            return false;
        } catch (RuntimeException e) {
            // A record that can never be read is logged and skipped.
            log.warn("Skipping unreadable record {}-{}@{} (key {}): {}", topic, record.partition(), record.offset(),
                    record.key(), e.toString());
            return true;
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            if (kafka.position(end.getKey(), KAFKA_CALL_TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, KAFKA_CALL_TIMEOUT);
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                log.info("Topic {} does not exist yet; waiting for it", topic);
            } catch (WakeupException e) {
                if (!running) {
                    break;
                }
            } catch (KafkaException e) {
                log.warn("Cannot list the partitions of {} ({}); retrying", topic, e.getMessage());
            }
            pause();
        }
        return List.of();
    }

    private Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        while (true) {
            try {
                return kafka.endOffsets(partitions, KAFKA_CALL_TIMEOUT);
            } catch (WakeupException e) {
                if (!running) {
                    throw e;
                }
            } catch (KafkaException e) {
                log.warn("Cannot read the end offsets of {} ({}); retrying", topic, e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000); // a back-off between retries of an unavailable broker or registry
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
