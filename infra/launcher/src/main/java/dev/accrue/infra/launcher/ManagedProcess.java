package dev.accrue.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM of the local stack. Every child gets {@code -Daccrue.parent.pid} and exits by
 * itself when this JVM exits, even on {@code kill -9}; {@link #stop()} is the polite way.
 */
public final class ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final Path logFile;
    private final Process process;

    private ManagedProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with its output in {@code <logDir>/<name>.log}. */
    public static ManagedProcess startJava(String name, Path logDir, List<String> jvmArgs, List<String> mainArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Daccrue.parent.pid=" + ProcessHandle.current().pid());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())) // a restart adds to the log
                    .start();
            log.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
            return new ManagedProcess(name, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Polls the check until it passes; fails fast with the log's tail if the process dies. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "\n" + logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS); // wait on the process, not a blind sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "\n" + logTail());
    }

    /** Asks the process to stop (SIGTERM), then kills it with its children if it lingers. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 20 s; killing it", name);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("Stopped {}", name);
    }

    /** Kills the process and its children at once (SIGKILL), as a crash or an OOM killer would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Killed {}", name);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
