package dev.accrue.ingest.view.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** A key's catch-up waits on one partition only, so it must be the partition the producer writes the key to. */
class KeyPartitionTest {

    @Test
    void theReaderPicksThePartitionTheProducersDefaultPartitionerPicks() {
        Random random = new Random(15);
        for (int n = 0; n < 10_000; n++) {
            String key = "lic-" + Long.toHexString(random.nextLong()) + (n % 7 == 0 ? "-é" : "");
            int partitions = 1 + random.nextInt(64);
            assertThat(CompactedTopicReader.partitionOf(key, partitions)).as(key)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
        }
    }
}
