package dev.accrue.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How hard the suite pushes. The full run ({@code ./accrue reliability}) uses the figures:
 * a 60 s Elasticsearch outage and five credit-service kills; the quick run (CI) keeps every
 * scenario but shortens outages and load, so it fits the build's time budget.
 */
public record Settings(boolean quick, String prefix, int rate, Duration outage, Duration elasticsearchOutage,
                Duration clusterOutage, int creditKills, int licensees, int hostileRequests, long seed) {

    /** How long a cluster may take to move a dead node's partitions to other leaders before ingest must accept again. */
    static final Duration FAILOVER = Duration.ofSeconds(10);

    public static Settings quick(long seed) {
        return new Settings(true, "rq" + Long.toHexString(System.currentTimeMillis()), 50, Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(15), 2, 12, 320, seed);
    }

    static Settings full(long seed) {
        return new Settings(false, "rf" + Long.toHexString(System.currentTimeMillis()), 200, Duration.ofSeconds(20),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 5, 200, 600, seed);
    }

    /** Registers this run's licensees for one scenario and returns their ids. */
    List<String> licensees(Rig rig, String scenario) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < licensees; i++) {
            String id = prefix + "-" + scenario + "-l" + i;
            rig.catalog.licensee(id);
            ids.add(id);
        }
        return ids;
    }
}
