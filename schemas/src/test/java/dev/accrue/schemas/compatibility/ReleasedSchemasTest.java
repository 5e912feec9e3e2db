package dev.accrue.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The build gate: every current event schema reads every released version of itself. */
class ReleasedSchemasTest {

    private static final Path HISTORY = Path.of("src/main/avro-history");
    private static final List<String> EVENTS = List.of("Session", "SessionClosed", "LicenseeProfile",
            "AttendanceEvent", "CreditAward", "CertificateIssued", "ComplianceStatus", "Rejection");

    @Test
    void everyEventHasAReleasedVersion() {
        for (String event : EVENTS) {
            assertThat(BackwardCompatibility.releasedVersions(HISTORY.resolve(event)))
                    .as("released versions of " + event).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> currentSchemasAreBackwardCompatibleWithEveryReleasedVersion() throws IOException {
        try (Stream<Path> dirs = Files.list(HISTORY)) {
            return dirs.sorted().toList().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () ->
                    assertThat(BackwardCompatibility.problemsAgainstHistory(current(dir), dir)).isEmpty()));
        }
    }

    /**
     * Attendance is also read by services deployed before a schema change (a rolling upgrade of ingest before
     * credit and search), so every released reader must read what the current schema writes, too.
     */
    @Test
    void everyReleasedAttendanceEventReadsTheCurrentOne() throws ClassNotFoundException {
        Path history = HISTORY.resolve("AttendanceEvent");
        Schema current = current(history);
        for (Path version : BackwardCompatibility.releasedVersions(history)) {
            assertThat(BackwardCompatibility.problems(BackwardCompatibility.parse(version), current))
                    .as("AttendanceEvent/" + version.getFileName() + " reading the current schema").isEmpty();
        }
    }

    private static Schema current(Path historyDir) throws ClassNotFoundException {
        return SpecificData.get().getSchema(Class.forName("dev.accrue.events." + historyDir.getFileName()));
    }
}
