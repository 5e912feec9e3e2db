package dev.accrue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Watchers that notice when a sampled event shows up somewhere (a topic, a search) and record how
 * long after it was sent. Each keeps its own pending set, keyed as that place identifies the event.
 */
final class LatencyProbes {

    /** A sampled event: when it was handed to the producer, and whether it counts (not warm-up). */
    record Sample(String eventId, String licenseeId, String sessionId, long sentNanos, boolean measured) {
        String pair() {
            return licenseeId + "|" + sessionId;
        }
    }

    /** Something that sees samples arrive; latencies of measured samples, in milliseconds. */
    abstract static class Probe implements AutoCloseable {
        final Map<String, Sample> pending = new ConcurrentHashMap<>();
        /** (sent at, latency in ms) of each measured sample that was seen. */
        private final List<double[]> seen = new ArrayList<>();
        private final Thread thread;
        volatile boolean running = true;

        Probe(String name) {
            this.thread = new Thread(this::loop, "probe-" + name);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        abstract void expect(Sample sample);

        abstract void loop();

        void seen(String key, long atNanos) {
            Sample sample = pending.remove(key);
            if (sample != null && sample.measured()) {
                synchronized (seen) {
                    seen.add(new double[] {sample.sentNanos(), (atNanos - sample.sentNanos()) / 1e6});
                }
            }
        }

        List<Double> latencies() {
            synchronized (seen) {
                return seen.stream().map(s -> s[1]).toList();
            }
        }

        /**
         * Medians of the samples sent in the first and in the last third of the measured time: a rising
         * latency means the consumer fell behind the load rather than being slow per event.
         */
        double[] firstAndLastThirdMedians() {
            List<double[]> bySendTime;
            synchronized (seen) {
                bySendTime = new ArrayList<>(seen);
            }
            bySendTime.sort(java.util.Comparator.comparingDouble(s -> s[0]));
            int third = bySendTime.size() / 3;
            if (third == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {
                    Stats.percentile(bySendTime.subList(0, third).stream().map(s -> s[1]).toList(), 50),
                    Stats.percentile(bySendTime.subList(bySendTime.size() - third, bySendTime.size()).stream().map(s -> s[1]).toList(), 50)};
        }

        long pendingMeasured() {
            return pending.values().stream().filter(Sample::measured).count();
        }

        /** Waits until nothing measured is pending, or the timeout. */
        void drain(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (pendingMeasured() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100); // polling interval
            }
        }

        /** Stops the loop at its next turn (polls and sleeps are short), so a consumer is never interrupted mid-call. */
        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads a topic from its end and matches records to samples by a key taken from the value. */
    static final class TopicProbe<T extends SpecificRecord> extends Probe {
        private final KafkaConsumer<String, T> consumer;
        private final Function<T, String> keyOf;
        private final Function<Sample, String> sampleKey;

        TopicProbe(String name, BenchKafka kafka, String topic, Class<T> type, boolean readCommitted,
                   Function<T, String> keyOf, Function<Sample, String> sampleKey) {
            super(name);
            this.consumer = kafka.consumer(type, readCommitted);
            this.keyOf = keyOf;
            this.sampleKey = sampleKey;
            List<TopicPartition> partitions = kafka.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        }

        @Override
        void expect(Sample sample) {
            pending.put(sampleKey.apply(sample), sample);
        }

        @Override
        void loop() {
            try {
                while (running) {
                    for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        if (record.value() != null) {
                            seen(keyOf.apply(record.value()), now);
                        }
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }
    }

    /**
     * Searches the attendance index for the pending event ids every {@code intervalMillis}; an event
     * counts as searchable at the moment the search that found it was sent, so the figure is an upper
     * bound within one interval.
     */
    static final class SearchProbe extends Probe {
        private final BenchElastic elastic;
        private final String index;
        private final long intervalMillis;

        SearchProbe(BenchElastic elastic, String index, long intervalMillis) {
            super("search");
            this.elastic = elastic;
            this.index = index;
            this.intervalMillis = intervalMillis;
        }

        @Override
        void expect(Sample sample) {
            pending.put(sample.eventId(), sample);
        }

        @Override
        void loop() {
            while (running) {
                List<String> ids = new ArrayList<>(pending.keySet());
                if (!ids.isEmpty()) {
                    long sentAt = System.nanoTime();
                    ObjectNode body = BenchElastic.JSON.createObjectNode();
                    body.put("size", ids.size());
                    body.putArray("_source").add("eventId");
                    body.putObject("query").putObject("terms").set("eventId", BenchElastic.JSON.valueToTree(ids));
                    try {
                        BenchElastic.Answer answer = elastic.call("POST", "/" + index + "/_search?ignore_unavailable=true", body);
                        for (JsonNode hit : answer.body().path("hits").path("hits")) {
                            seen(hit.path("_source").path("eventId").asText(), sentAt);
                        }
                    } catch (RuntimeException e) {
                        if (!running) {
                            return;
                        }
                    }
                }
                try {
                    Thread.sleep(intervalMillis); // the polling interval of the probe
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private LatencyProbes() {
    }
}
