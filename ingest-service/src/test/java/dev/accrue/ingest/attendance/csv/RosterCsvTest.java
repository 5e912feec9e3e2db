package dev.accrue.ingest.attendance.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.attendance.AttendanceType;
import dev.accrue.ingest.attendance.ImportRow;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.attendance.RowProblem;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    static ParsedImport parse(String csv) {
        return RosterCsv.parse(CsvDocumentTest.read(csv), 100);
    }

    @Test
    void rowsBecomeEventsByLicenseeIdOrEmailInAnyColumnOrder() {
        ParsedImport parsed = parse("""
                Type,occurredAt,licenseeId,email,score,eventId
                JOINED,2025-03-01T09:00:00-08:00,lic-1,,,
                SELF_STUDY_COMPLETED,2025-03-01T10:00:00Z,,Jane@Example.org,88.5,p-17
                """);

        assertThat(parsed.dataRows()).isEqualTo(2);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(
                new ImportRow(2, "lic-1", null, AttendanceType.JOINED, Instant.parse("2025-03-01T17:00:00Z"), null, null, null),
                new ImportRow(3, null, "Jane@Example.org", AttendanceType.SELF_STUDY_COMPLETED,
                        Instant.parse("2025-03-01T10:00:00Z"), 88.5, "p-17", null));
    }

    @Test
    void badRowsAreReportedWithTheirLineWhileGoodRowsStay() {
        ParsedImport parsed = parse("""
                licenseeId,type,occurredAt
                lic-1,JOINED,2025-03-01T09:00:00Z
                lic-2,ARRIVED,2025-03-01T09:00:00Z
                lic-3,LEFT,yesterday
                ,LEFT,2025-03-01T09:00:00Z
                lic-4,LEFT
                """);

        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2);
        assertThat(parsed.problems()).extracting(RowProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(parsed.problems()).allMatch(p -> p.kind() == RowProblem.Kind.UNPARSEABLE);
        assertThat(parsed.problems().get(0).detail()).contains("ARRIVED");
    }

    @Test
    void aHeaderWithUnknownOrMissingColumnsIsRefused() {
        assertThatThrownBy(() -> parse("licenseeId,type,when\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header on line 1");
        assertThatThrownBy(() -> parse("\n\n")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void moreRowsThanTheLimitIsA413() {
        StringBuilder csv = new StringBuilder("licenseeId,type,occurredAt\n");
        for (int i = 0; i < 101; i++) {
            csv.append("lic-1,JOINED,2025-03-01T09:00:00Z\n");
        }

        assertThatThrownBy(() -> parse(csv.toString())).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 100");
    }
}
