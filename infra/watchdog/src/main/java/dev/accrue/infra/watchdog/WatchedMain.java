package dev.accrue.infra.watchdog;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another main class under the parent watchdog, for programs that cannot watch their parent
 * themselves: the local fleet starts each service as
 * {@code java -cp service.jar:watchdog.jar dev.accrue.infra.watchdog.WatchedMain <main class> <args>},
 * so a service never outlives a killed test run or launcher. {@code System.exit} runs the
 * program's own shutdown hooks, so it stops as cleanly as on SIGTERM.
 */
public final class WatchedMain {

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: WatchedMain <main class> [args...]");
        }
        ParentWatchdog.onParentExit(args[0], () -> System.exit(0));
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private WatchedMain() {
    }
}
