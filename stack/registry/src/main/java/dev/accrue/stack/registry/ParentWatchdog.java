package dev.accrue.stack.registry;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Exits the registry when the process named by system property {@code accrue.parent.pid} exits.
 */
@ApplicationScoped
public class ParentWatchdog {

    static final String PARENT_PID_PROPERTY = "accrue.parent.pid";

    private static final Logger LOG = Logger.getLogger(ParentWatchdog.class);

    private final AtomicBoolean exiting = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        String value = System.getProperty(PARENT_PID_PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warnf("Ignoring %s=%s: not a process id", PARENT_PID_PROPERTY, value);
            return;
        }
        // The registry must never outlive the build/test/demo process that started it (no orphaned JVMs holding ports).
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            LOG.warnf("Parent process %d is already gone; shutting down", pid);
            Quarkus.asyncExit();
            return;
        }
        LOG.infof("Watching parent process %d; the registry exits when it does", pid);
        ProcessHandle handle = parent.get();
        handle.onExit().thenRun(() -> exit(pid));
        // onExit() polls a non-child process with a growing back-off (up to 5 s); this cheap check keeps the exit prompt.
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accrue-parent-watchdog");
            t.setDaemon(true);
            return t;
        });
        poll.scheduleWithFixedDelay(() -> {
            if (isGone(handle)) {
                exit(pid);
                poll.shutdown();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    private static boolean isGone(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        // A dead parent stays a zombie, which the JDK still reports alive, until something reaps it (Linux only).
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void exit(long pid) {
        if (exiting.compareAndSet(false, true)) {
            LOG.infof("Parent process %d exited; shutting down", pid);
            Quarkus.asyncExit();
        }
    }
}
