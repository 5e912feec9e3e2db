package dev.accrue.stack;

import java.util.Set;

/**
 * One infrastructure per test JVM, started on first use and stopped when the JVM exits. Test
 * classes of a module share it, so the broker, registry and node start once per module run.
 */
public final class SharedStack {

    private static Infrastructure infrastructure;

    /** Starts whatever of the components is not yet running and returns all endpoints. */
    public static synchronized Endpoints start(Component... components) {
        if (infrastructure == null) {
            infrastructure = Infrastructure.fromEnvironment();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stopAll, "accrue-stack-shutdown"));
        }
        return infrastructure.start(Set.of(components));
    }

    /** The provider in use, for tests that stop and restart a component to simulate an outage. */
    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            throw new IllegalStateException("Call SharedStack.start first");
        }
        return infrastructure;
    }

    private static synchronized void stopAll() {
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }

    private SharedStack() {
    }
}
