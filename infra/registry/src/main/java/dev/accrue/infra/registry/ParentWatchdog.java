package dev.accrue.infra.registry;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

/**
 * Exits the registry when the process that started it exits (see {@code -Daccrue.parent.pid}), so
 * a test run or demo never leaves an orphaned registry holding its port.
 */
@ApplicationScoped
public class ParentWatchdog {

    void onStart(@Observes StartupEvent event) {
        dev.accrue.infra.watchdog.ParentWatchdog.onParentExit("the schema registry", Quarkus::asyncExit);
    }
}
