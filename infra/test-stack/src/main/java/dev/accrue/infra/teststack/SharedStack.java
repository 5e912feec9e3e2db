package dev.accrue.infra.teststack;

import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.Infrastructure;
import dev.accrue.infra.launcher.LocalProcesses;
import dev.accrue.infra.launcher.StackLayout;
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
            infrastructure = fromEnvironment();
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

    /**
     * Picks the provider from {@code -Daccrue.stack} or {@code ACCRUE_STACK}: {@code local} (default),
     * {@code env} (endpoints from environment variables) or {@code testcontainers} (needs Docker).
     */
    private static Infrastructure fromEnvironment() {
        String choice = System.getProperty("accrue.stack", System.getenv().getOrDefault("ACCRUE_STACK", "local"));
        return switch (choice) {
            case "local" -> new LocalProcesses(StackLayout.locate(), LocalProcesses.Ports.ephemeral());
            case "env" -> new EnvironmentEndpoints(System.getenv());
            case "testcontainers" -> TestcontainersStack.create();
            default -> throw new IllegalArgumentException(
                    "Unknown accrue.stack=" + choice + " (use local, env or testcontainers)");
        };
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
