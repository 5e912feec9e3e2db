package dev.accrue.ingest.view;

import dev.accrue.ingest.errors.UnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's in-memory copy of a compacted topic, the latest value per key, so ingest can check
 * sessions and licensees without asking another service. It is fed by a reader that replays and tails the
 * topic and by this instance's own acknowledged writes; both carry the record's position, so an older value
 * never overwrites a newer one, and {@link #findFresh} gives read-your-writes across instances. See
 * docs/design.md, 'KeyedView and read-your-writes in ingest'.
 *
 * @param <V> the value kept per key
 */
public class KeyedView<V> {

    /** Lets the reader catch up to the topic's end on demand; true when it did within the timeout. */
    public interface CatchUp {
        boolean await(Duration timeout);

        /** Catches up only with what can hold this key (its partition); by default, with everything. */
        default boolean awaitKey(String key, Duration timeout) {
            return await(timeout);
        }
    }

    /** Told about every change, inside the key's update, so indexes derived from the view stay in step. */
    public interface ChangeListener<V> {
        void changed(String key, V before, V after);
    }

    private record Versioned<V>(V value, Position position) {
    }

    private final String name;
    private final Duration freshnessWait;
    private final Duration retryAfter;
    private final ConcurrentHashMap<String, Versioned<V>> entries = new ConcurrentHashMap<>();
    private final ChangeListener<V> onChange;
    private final AtomicLong live = new AtomicLong();
    private volatile boolean ready;
    private volatile CatchUp catchUp = timeout -> false;

    /**
     * @param name what the view holds, for messages ("session catalog")
     * @param freshnessWait how long a miss may wait for the reader to catch up
     * @param retryAfter what to tell clients while the view is still loading
     * @param onChange called with the key and its old and new values (null for absent) whenever a key changes
     */
    public KeyedView(String name, Duration freshnessWait, Duration retryAfter, ChangeListener<V> onChange) {
        this.name = name;
        this.freshnessWait = freshnessWait;
        this.retryAfter = retryAfter;
        this.onChange = onChange;
    }

    public KeyedView(String name, Duration freshnessWait, Duration retryAfter) {
        this(name, freshnessWait, retryAfter, (key, before, after) -> { });
    }

    /** Applies a value (null for a tombstone) unless the view already holds a newer one for the key. */
    public void apply(String key, V value, Position position) {
        entries.compute(key, (k, current) -> {
            if (current != null && !position.isAfter(current.position())) {
                return current;
            }
            V before = current == null ? null : current.value();
            live.addAndGet((value != null ? 1 : 0) - (before != null ? 1 : 0));
            onChange.changed(key, before, value);
            // A tombstone stays as an entry with no value, so an older replay cannot resurrect the key.
            return new Versioned<>(value, position);
        });
    }

    /** The current value, from what this instance has read so far. */
    public Optional<V> find(String key) {
        requireReady();
        Versioned<V> entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.value());
    }

    /**
     * Like {@link #find}, but on a miss first lets the reader catch up with other instances' writes.
     * A reader that cannot catch up in time is a 503: a lagging instance must not call a key that
     * exists unknown (a 4xx the client would not retry) or let a caller take over another's key.
     */
    public Optional<V> findFresh(String key) {
        Optional<V> found = find(key);
        if (found.isEmpty()) {
            requireCaughtUp(key);
            return find(key);
        }
        return found;
    }

    /**
     * The value after the reader has caught up with everything the topic held when asked, for
     * decisions that must not rest on a stale copy (who owns a licensee). Unlike {@link #findFresh},
     * it catches up even when the key is present, and a reader that cannot catch up in time is a
     * 503, never an answer of "absent" or "as stored here".
     */
    public Optional<V> findCurrent(String key) {
        requireReady();
        requireCaughtUp(key);
        return find(key);
    }

    /** Catches up to the topic's end (bounded by the freshness wait), or answers 503 when that was not possible in time. */
    public void requireCaughtUp() {
        caughtUpOrUnavailable(catchUp.await(freshnessWait));
    }

    /**
     * Like {@link #requireCaughtUp()}, but only as far as the key's own records go: every record of a key is in
     * one partition, so this sees every write of the key the topic held when asked, at the cost of one partition.
     */
    public void requireCaughtUp(String key) {
        caughtUpOrUnavailable(catchUp.awaitKey(key, freshnessWait));
    }

    private void caughtUpOrUnavailable(boolean caughtUp) {
        if (!caughtUp) {
            throw new UnavailableException("The " + name + " could not catch up with Kafka in time; try again shortly",
                    retryAfter, null);
        }
    }

    public void requireReady() {
        if (!ready) {
            throw new UnavailableException("The " + name + " is still loading from Kafka; try again shortly", retryAfter, null);
        }
    }

    public boolean isReady() {
        return ready;
    }

    public void markReady() {
        ready = true;
    }

    public void catchUpWith(CatchUp catchUp) {
        this.catchUp = catchUp;
    }

    /** Keys with a live value (tombstones excluded). */
    public long size() {
        return live.get();
    }

    public String name() {
        return name;
    }
}
