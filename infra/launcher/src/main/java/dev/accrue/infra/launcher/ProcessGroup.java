package dev.accrue.infra.launcher;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Running child processes by name (a component or a service), stopped one by one or all together. */
final class ProcessGroup<K extends Enum<K>> {

    private final Map<K, ManagedProcess> running;

    ProcessGroup(Class<K> keys) {
        this.running = new EnumMap<>(keys);
    }

    synchronized boolean contains(K key) {
        return running.containsKey(key);
    }

    synchronized void add(K key, ManagedProcess process) {
        running.put(key, process);
    }

    synchronized ManagedProcess get(K key) {
        return running.get(key);
    }

    synchronized void stop(K key) {
        ManagedProcess process = running.remove(key);
        if (process != null) {
            process.stop();
        }
    }

    synchronized void kill(K key) {
        ManagedProcess process = running.remove(key);
        if (process != null) {
            process.kill();
        }
    }

    synchronized void stopAll() {
        running.values().parallelStream().forEach(ManagedProcess::stop);
        running.clear();
    }

    /** The processes that exited without being stopped (crashed, or exited on OutOfMemoryError). */
    synchronized List<K> exited() {
        return running.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    synchronized Map<K, Long> pids() {
        Map<K, Long> pids = new HashMap<>();
        running.forEach((key, process) -> pids.put(key, process.pid()));
        return pids;
    }
}
