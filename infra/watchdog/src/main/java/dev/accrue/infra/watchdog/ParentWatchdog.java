package dev.accrue.infra.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes a local infrastructure process (Kafka, registry, Elasticsearch) exit when the process that started
 * it exits, so a crashed or killed test run never leaves a broker holding a port. The parent is
 * named by {@code -Daccrue.parent.pid}; without it nothing is watched.
 */
public final class ParentWatchdog {

    public static final String PARENT_PID_PROPERTY = "accrue.parent.pid";

    /** Runs {@code onParentExit} once, when the parent exits (or at once if it is already gone). */
    public static void onParentExit(String component, Runnable onParentExit) {
        String value = System.getProperty(PARENT_PID_PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        long pid = Long.parseLong(value.trim());
        AtomicBoolean fired = new AtomicBoolean();
        Runnable exit = () -> {
            if (fired.compareAndSet(false, true)) {
                System.out.println("Parent process " + pid + " exited; stopping " + component);
                onParentExit.run();
            }
        };
        Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            exit.run();
            return;
        }
        ProcessHandle handle = parent.get();
        handle.onExit().thenRun(exit);
        // The JDK polls a process that is not its child with a back-off that grows to 5 s, and counts an
        // unreaped (zombie) parent as alive. So also check every 500 ms, and treat a zombie as gone.
        Thread poller = new Thread(() -> {
            while (!fired.get()) {
                if (!handle.isAlive() || isZombie(pid)) {
                    exit.run();
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "accrue-watchdog");
        poller.setDaemon(true);
        poller.start();
    }

    /** Linux: a process that has exited but is not yet reaped shows state 'Z' in /proc/PID/stat. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')'); // the command name in parentheses may contain spaces
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or the process is gone: isAlive() decides
        }
    }

    private ParentWatchdog() {
    }
}
