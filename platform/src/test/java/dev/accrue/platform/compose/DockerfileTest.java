package dev.accrue.platform.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service image: a JVM out of heap must exit (to be restarted), whatever JAVA_TOOL_OPTIONS a deployment sets. */
class DockerfileTest {

    private static final Path ROOT = Path.of(System.getProperty("accrue.root", ".."));

    @Test
    void theServiceCommandLineExitsOnOutOfMemoryError() throws IOException {
        String entrypoint = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("ENTRYPOINT")).findFirst().orElseThrow();

        assertThat(entrypoint).contains("\"-XX:+ExitOnOutOfMemoryError\"");
    }
}
