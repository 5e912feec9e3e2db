package dev.accrue.ingest.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks shared by keys through their hash, so a read-decide-write sequence on one
 * key runs alone within this instance without keeping a lock object per key. Unrelated keys that
 * share a stripe only wait for each other.
 */
public final class StripedLocks {

    private final ReentrantLock[] locks;

    public StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String key, Supplier<T> action) {
        return withLocks(List.of(key), action);
    }

    /**
     * Runs the action holding the locks of all the keys (a batch's), taken in stripe order, so two batches, or a
     * batch and a single write, never wait for each other in a circle.
     */
    public <T> T withLocks(Collection<String> keys, Supplier<T> action) {
        SortedSet<Integer> stripes = new TreeSet<>();
        keys.forEach(key -> stripes.add(Math.floorMod(key.hashCode(), locks.length)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int stripe : stripes) {
                locks[stripe].lock();
                held.add(locks[stripe]);
            }
            return action.get();
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }
}
