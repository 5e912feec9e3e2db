package dev.accrue.search.indexing.kafka;

import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.Indices;
import dev.accrue.search.indexing.WriteOutcome;
import dev.accrue.search.indexing.elastic.ItemResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The versions this instance knows its participations and enrolments hold (the {@code capacity} most
 * recently used), so that a write Elasticsearch would only answer 409 is not sent. Safe because the service
 * never deletes these documents: see docs/design.md, 'Search analytics count documents, not distinct
 * values'.
 */
final class StoredVersions {

    private static final Set<String> INDICES = Set.of(Indices.PARTICIPATIONS, Indices.ENROLMENTS);

    private final Map<String, Long> versions;

    StoredVersions(int capacity) {
        this.versions = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the document is known to hold this write's version or a higher one, so the write would answer 409. */
    synchronized boolean supersedes(DocumentWrite write) {
        if (!remembered(write)) {
            return false;
        }
        Long stored = versions.get(write.documentKey());
        return stored != null && stored >= write.externalVersion().getAsLong();
    }

    /** Learns from an answer: the document now holds at least the written version. */
    synchronized void learn(ItemResult result) {
        DocumentWrite write = result.write();
        if (result.outcome() == WriteOutcome.WRITTEN && remembered(write)) {
            versions.merge(write.documentKey(), write.externalVersion().getAsLong(), Math::max);
        }
    }

    private static boolean remembered(DocumentWrite write) {
        return write.externalVersion().isPresent() && INDICES.contains(write.index());
    }
}
