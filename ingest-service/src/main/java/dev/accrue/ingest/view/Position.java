package dev.accrue.ingest.view;

/**
 * Where a record sits in its topic. Records of one key always share a partition, so a view keeps
 * the value with the highest offset and ignores a replayed older one.
 */
public record Position(int partition, long offset) {

    public boolean isAfter(Position other) {
        return other == null || offset > other.offset;
    }
}
