package dev.accrue.ingest.attendance.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.attendance.AttendanceType;
import dev.accrue.ingest.attendance.EventIds;
import dev.accrue.ingest.attendance.ImportRow;
import dev.accrue.ingest.attendance.ParsedImport;
import dev.accrue.ingest.attendance.RowProblem;
import dev.accrue.ingest.errors.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoomParticipantReportTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /** A report exported with meeting data, as Zoom writes it; Jane reconnects twice. */
    static final String REPORT = """
            Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
            812 3456 7890,Law and Ethics,03/01/2025 08:55:03 AM,03/01/2025 12:20:40 PM,host@acme.org,206,3

            Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room
            Jane Doe,jane.doe@example.org,03/01/2025 08:58:12 AM,03/01/2025 10:15:40 AM,78,No,No
            Jane Doe,jane.doe@example.org,03/01/2025 10:17:05 AM,03/01/2025 11:02:00 AM,45,No,No
            Jane Doe (iPhone),jane.doe@example.org,03/01/2025 11:03:30 AM,03/01/2025 12:16:00 PM,73,No,No
            Guest Caller,,03/01/2025 09:00:00 AM,03/01/2025 09:30:00 AM,30,Yes,No
            Bob Roe,bob@example.org,03/01/2025 09:00:00 AM,soon,0,No,No
            """;

    @Test
    void eachParticipantRowOfAReconnectBecomesAJoinedAndLeftPair() {
        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(REPORT), LOS_ANGELES, 100);

        assertThat(parsed.dataRows()).isEqualTo(5);
        assertThat(parsed.rows()).hasSize(6).allMatch(r -> r.email().equals("jane.doe@example.org"));
        assertThat(parsed.rows()).extracting(ImportRow::type).containsExactly(AttendanceType.JOINED, AttendanceType.LEFT,
                AttendanceType.JOINED, AttendanceType.LEFT, AttendanceType.JOINED, AttendanceType.LEFT);
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(5, 5, 6, 6, 7, 7);
        // Local times in the report's zone: 08:58:12 PST is 16:58:12 UTC.
        assertThat(parsed.rows().get(0).occurredAt()).isEqualTo(Instant.parse("2025-03-01T16:58:12Z"));
        assertThat(parsed.rows().get(5).occurredAt()).isEqualTo(Instant.parse("2025-03-01T20:16:00Z"));
    }

    @Test
    void eachRowsJoinedAndLeftShareAConnectionDerivedFromTheRow() {
        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(REPORT), LOS_ANGELES, 100);
        ParsedImport again = ZoomParticipantReport.parse(CsvDocumentTest.read(REPORT), LOS_ANGELES, 100);
        List<ImportRow> rows = parsed.rows();

        assertThat(rows).extracting(ImportRow::connectionId).doesNotContainNull();
        for (int row = 0; row < rows.size(); row += 2) {
            assertThat(rows.get(row + 1).connectionId()).as("the LEFT of line %d", rows.get(row).line())
                    .isEqualTo(rows.get(row).connectionId())
                    .isEqualTo(EventIds.connection("jane.doe@example.org", rows.get(row).occurredAt(),
                            rows.get(row + 1).occurredAt()));
        }
        assertThat(rows.stream().map(ImportRow::connectionId).distinct()).hasSize(3);
        assertThat(again.rows()).isEqualTo(rows);
    }

    @Test
    void rowsWithoutEmailOrWithUnreadableTimesAreReportedByLine() {
        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(REPORT), LOS_ANGELES, 100);

        assertThat(parsed.problems()).extracting(RowProblem::line, RowProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, RowProblem.Kind.UNMATCHED),
                org.assertj.core.groups.Tuple.tuple(9, RowProblem.Kind.UNPARSEABLE));
        assertThat(parsed.problems().get(1).detail()).contains("Leave Time 'soon'");
    }

    @Test
    void newerExportsWithLowerCaseHeadersAndNoPreambleAreRead() {
        String csv = """
                Name (original name),Email,Join time,Leave time,Duration (minutes),Guest
                Ann Lee,ann@example.org,2025-03-01 09:00:00,2025-03-01 10:00:00,60,No
                """;

        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(csv), ZoneId.of("UTC"), 100);

        assertThat(parsed.rows()).extracting(ImportRow::occurredAt)
                .containsExactly(Instant.parse("2025-03-01T09:00:00Z"), Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void aLeaveBeforeTheJoinIsInvalid() {
        String csv = "Name (Original Name),User Email,Join Time,Leave Time\nAnn,ann@example.org,03/01/2025 10:00 AM,03/01/2025 09:00 AM\n";

        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(csv), LOS_ANGELES, 100);

        assertThat(parsed.problems()).extracting(RowProblem::kind).containsExactly(RowProblem.Kind.INVALID);
    }

    @Test
    void timeInTheWaitingRoomIsReportedNotImported() {
        String csv = """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room
                Ann Lee,ann@example.org,03/01/2025 08:50:00 AM,03/01/2025 09:05:00 AM,15,No,Yes
                Ann Lee,ann@example.org,03/01/2025 09:05:00 AM,03/01/2025 12:00:00 PM,175,No,No
                """;

        ParsedImport parsed = ZoomParticipantReport.parse(CsvDocumentTest.read(csv), LOS_ANGELES, 100);

        assertThat(parsed.rows()).extracting(ImportRow::occurredAt)
                .containsExactly(Instant.parse("2025-03-01T17:05:00Z"), Instant.parse("2025-03-01T20:00:00Z"));
        assertThat(parsed.problems()).extracting(RowProblem::line, RowProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, RowProblem.Kind.INVALID));
        assertThat(parsed.problems().get(0).detail()).contains("waiting room");
    }

    @Test
    void aFileWithoutTheParticipantHeaderIsNotAZoomReport() {
        assertThatThrownBy(() -> ZoomParticipantReport.parse(CsvDocumentTest.read("licenseeId,type\nx,y\n"), LOS_ANGELES, 100))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ZoomParticipantReport.parse(CsvDocumentTest.read("Name,Join Time,Leave Time\n"), LOS_ANGELES, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no email column");
    }
}
