package dev.accrue.ingest.view.kafka;

import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a {@link KeyedView} in step with a compacted topic. Every instance reads every partition
 * (manual assignment, no consumer group, no committed offsets): it replays the topic from the
 * beginning at start-up, marks the view ready once it has reached the end offsets it saw then, and
 * keeps tailing. A thread that misses a key can ask it to catch up to the topic's current end.
 */
public final class CompactedTopicReader implements SmartLifecycle {

    /** Applies one record to the view; value is null for a tombstone. */
    public interface Sink {
        void accept(String key, byte[] value, Position position);
    }

    private record CatchUpRequest(CompletableFuture<Boolean> done, Map<TopicPartition, Long> target) {
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(2);

    private final String topic;
    private final Map<String, Object> consumerProperties;
    private final Duration pollTimeout;
    private final KeyedView<?> view;
    private final Sink sink;
    private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> requests = new ConcurrentLinkedQueue<>();
    private final List<CatchUpRequest> waiting = new ArrayList<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CompactedTopicReader(String topic, Map<String, Object> consumerProperties, Duration pollTimeout,
                                KeyedView<?> view, Sink sink) {
        this.topic = topic;
        this.consumerProperties = new HashMap<>(consumerProperties);
        // No group: every instance reads all partitions, and nothing is committed.
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerProperties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "accrue-ingest-view-" + topic);
        // A catch-up waits for the reader's next fetch; the broker holds a fetch without new data this long.
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.pollTimeout = pollTimeout;
        this.view = view;
        this.sink = sink;
    }

    @Override
    public synchronized void start() {
        running = true;
        view.catchUpWith(this::awaitCaughtUp);
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
        KafkaConsumer<String, byte[]> current = consumer;
        if (!running || current == null) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        requests.add(done);
        current.wakeup(); // end the current poll early, so the request is served at once
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
                    serveCatchUps(kafka, partitions);
                } catch (WakeupException e) {
                    // a catch-up request woke a blocking call: go round again, unless stopping
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
            requests.forEach(r -> r.complete(false));
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
            // woken for a catch-up request: serve it below
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

    private void serveCatchUps(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        if (!requests.isEmpty()) {
            List<CompletableFuture<Boolean>> fresh = new ArrayList<>();
            for (CompletableFuture<Boolean> r; (r = requests.poll()) != null; ) {
                fresh.add(r);
            }
            try {
                Map<TopicPartition, Long> target = kafka.endOffsets(partitions, KAFKA_CALL_TIMEOUT);
                fresh.forEach(done -> waiting.add(new CatchUpRequest(done, target)));
            } catch (WakeupException e) {
                requests.addAll(fresh); // woken by a newer request: serve them all next round
                throw e;
            } catch (KafkaException e) {
                fresh.forEach(done -> done.complete(false));
            }
        }
        waiting.removeIf(request -> {
            if (request.done().isDone()) {
                return true; // the caller gave up
            }
            if (reached(kafka, request.target())) {
                request.done().complete(true);
                return true;
            }
            return false;
        });
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
