package dev.accrue.ingest.attendance.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.GeneratedStream;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Imports are read as streams: a near-limit file holds only the rows it yields, and a file over a
 * limit is refused where the limit is crossed, without the rest being read. Three parallel 14 MB
 * files of blank lines once filled the heap (the whole file, decoded, plus a boxed offset per line).
 */
class StreamingImportTest {

    static final int FOURTEEN_MB = 14 * 1024 * 1024;

    @Test
    void fourteenMegabytesOfBlankLinesAreReadWithoutHoldingThem() {
        AtomicLong retainedAtEnd = new AtomicLong();
        long before = usedHeapAfterGc();
        var file = new GeneratedStream("", "\n", FOURTEEN_MB, "licenseeId,type,occurredAt\nlic-1,JOINED,2025-03-01T09:00:00Z\n",
                () -> retainedAtEnd.compareAndSet(0, usedHeapAfterGc() - before));

        ParsedImport parsed = RosterCsv.parse(CsvDocument.read(file, 65536), 50_000);

        assertThat(parsed.rows()).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(FOURTEEN_MB + 2));
        // Read whole, the file alone would be 14 MB when its last byte is read; streamed, a few buffers remain.
        assertThat(retainedAtEnd.get()).as("bytes held when the last byte was read").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void rowsPastTheLimitAreRefusedWhereTheLimitIsCrossedWithoutReadingTheRest() {
        var file = new GeneratedStream("licenseeId,type,occurredAt\n", "lic-1,JOINED,2025-03-01T09:00:00Z\n", 400_000, "",
                () -> { });

        assertThatThrownBy(() -> RosterCsv.parse(CsvDocument.read(file, 65536), 1_000))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("at most 1000");
        assertThat(file.bytesRead()).as("of a 14 MB file").isLessThan(256 * 1024);
    }

    @Test
    void zoomRowsPastTheLimitAreRefusedTheSameWay() {
        var file = new GeneratedStream("Name (Original Name),User Email,Join Time,Leave Time\n",
                "Jane,jane@example.org,03/01/2025 08:58:12 AM,03/01/2025 10:15:40 AM\n", 200_000, "", () -> { });

        assertThatThrownBy(() -> ZoomParticipantReport.parse(CsvDocument.read(file, 65536), ZoneOffset.UTC, 1_000))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("at most 1000");
        assertThat(file.bytesRead()).isLessThan(256 * 1024);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAsSoonAsItPassesIt() {
        var file = new GeneratedStream("licenseeId,type,occurredAt\nlic-1,", "x", FOURTEEN_MB, "\n", () -> { });

        assertThatThrownBy(() -> RosterCsv.parse(CsvDocument.read(file, 65536), 50_000))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("Line 2 of the file is longer than 65536 characters (accrue.ingest.limits.line-length)");
        assertThat(file.bytesRead()).isLessThan(256 * 1024);
    }

    @Test
    void aQuotedCellThatNeverClosesIsRefusedOnceItsRecordPassesTheLimitThoughEachLineIsShort() {
        var file = new GeneratedStream("licenseeId,type,occurredAt\nlic-1,\"", "x\n", FOURTEEN_MB / 2, "\"\n", () -> { });

        assertThatThrownBy(() -> RosterCsv.parse(CsvDocument.read(file, 65536), 50_000))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("The record starting on line 2 of the file (a quoted cell spanning lines) is longer than"
                        + " 65536 characters (accrue.ingest.limits.line-length)");
        assertThat(file.bytesRead()).isLessThan(256 * 1024);
    }

    static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
