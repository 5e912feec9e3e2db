package dev.accrue.infra.launcher;

import java.util.Set;

/**
 * Provides the infrastructure: local processes (the default here), containers, or endpoints
 * someone else runs. Implementations start what is asked for, wait until it is ready, and stop
 * everything they started on {@link #close()}.
 */
public interface Infrastructure extends AutoCloseable {

    /** Starts (or finds) the components, waits until each is ready, and returns all known endpoints. */
    Endpoints start(Set<Component> components);

    /**
     * Stops one component so a test can watch the system survive an outage; {@link #start} brings it
     * back on the same endpoint. Only providers that own their processes support it.
     */
    default void stop(Component component) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot stop " + component);
    }

    /** Kills one component at once (SIGKILL), for fault tests; {@link #start} brings it back with its data. */
    default void kill(Component component) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot kill " + component);
    }

    @Override
    void close();
}
