package dev.accrue.ingest.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.access.TestAccess;
import dev.accrue.ingest.attendance.csv.CsvDocument;
import dev.accrue.ingest.attendance.csv.RosterCsv;
import dev.accrue.ingest.attendance.csv.ZoomParticipantReport;
import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.UnknownReferenceException;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * acme, attacking: it names a licensee northwind registered, by id and by email, on every path, and
 * must get exactly what it gets for an id nobody registered, with nothing published.
 */
class AttendanceTenancyTest {

    static final Access ACME = TestAccess.provider("acme");
    static final Access ADMIN = TestAccess.ADMIN;

    private final KeyedView<KnownSession> catalog = new KeyedView<>("catalog", Duration.ZERO, Duration.ofSeconds(1));
    private final LicenseeDirectory licensees = new LicenseeDirectory(Duration.ZERO, Duration.ofSeconds(1));
    private final List<AttendanceEvent> published = new ArrayList<>();
    private final AttendanceService service = new AttendanceService(catalog, licensees, published::addAll,
            Clock.fixed(Instant.parse("2025-03-02T00:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger catchUps = new AtomicInteger();

    @BeforeEach
    void acmeAndNorthwindEachHaveASessionAndALicensee() {
        catalog.markReady();
        licensees.view().markReady();
        catalog.catchUpWith(timeout -> true);
        licensees.view().catchUpWith(timeout -> catchUps.incrementAndGet() > 0);
        catalog.apply("acme-live", new KnownSession("acme-live", "acme", Format.LIVE_WEBINAR, "UTC"), new Position(0, 1));
        catalog.apply("nw-live", new KnownSession("nw-live", "northwind", Format.LIVE_WEBINAR, "UTC"), new Position(0, 2));
        licensees.view().apply("acme-jane", new LicenseeDirectory.Entry("jane@example.org", "acme"), new Position(0, 1));
    }

    private void northwindRegisters(String licenseeId, String email) {
        licensees.view().apply(licenseeId, new LicenseeDirectory.Entry(email, "northwind"), new Position(1, 1));
    }

    @Test
    void oneEventNamingAnotherProvidersLicenseeIsRefusedExactlyAsAnUnknownId() {
        UnknownReferenceException unknown = catchThrowableOfType(UnknownReferenceException.class,
                () -> service.record(joined("e-1", "acme-live", "nw-sam"), ACME));
        northwindRegisters("nw-sam", "sam@example.org");
        UnknownReferenceException notYours = catchThrowableOfType(UnknownReferenceException.class,
                () -> service.record(joined("e-1", "acme-live", "nw-sam"), ACME));

        assertThat(notYours.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(notYours.errors()).isEqualTo(unknown.errors());
        assertThat(notYours.getMessage()).doesNotContain("northwind");
        assertThat(published).isEmpty();
    }

    @Test
    void aBatchItemNamingAnotherProvidersLicenseeGetsTheUnknownItemAnswer() {
        List<BatchItem<AttendanceInput>> items = List.of(new BatchItem.Parsed<>(0, joined("e-1", "acme-live", "acme-jane")),
                new BatchItem.Parsed<>(1, joined("e-2", "acme-live", "nw-sam")));

        BatchResult unknown = service.recordBatch(items, ACME);
        published.clear();
        northwindRegisters("nw-sam", "sam@example.org");
        BatchResult notYours = service.recordBatch(items, ACME);

        assertThat(notYours).isEqualTo(unknown);
        assertThat(notYours.results()).extracting(BatchResult.Item::status).containsExactly(202, 422);
        assertThat(published).extracting(AttendanceEvent::licenseeId).containsExactly("acme-jane");
    }

    @Test
    void aRosterRowNamingAnotherProvidersLicenseeByIdOrEmailIsTheUnknownRowProblem() {
        String roster = """
                licenseeId,email,type,occurredAt
                nw-sam,,JOINED,2025-03-01T09:00:00Z
                ,sam@example.org,JOINED,2025-03-01T09:00:00Z
                """;

        ImportResult unknown = importRoster(roster);
        northwindRegisters("nw-sam", "sam@example.org");
        ImportResult notYours = importRoster(roster);

        assertThat(notYours).isEqualTo(unknown);
        assertThat(notYours.problems()).extracting(RowProblem::kind)
                .containsExactly(RowProblem.Kind.UNMATCHED, RowProblem.Kind.UNMATCHED);
        assertThat(published).isEmpty();
    }

    @Test
    void aZoomReportMatchesOnlyTheImportingProvidersOwnLicenseesByEmail() {
        String report = """
                Name (Original Name),User Email,Join Time,Leave Time
                Sam,sam@example.org,03/01/2025 09:00:00 AM,03/01/2025 10:00:00 AM
                Jane,jane@example.org,03/01/2025 09:00:00 AM,03/01/2025 10:00:00 AM
                """;

        ImportResult unknown = importZoom(report);
        published.clear();
        northwindRegisters("nw-sam", "sam@example.org");
        northwindRegisters("nw-jane", "jane@example.org"); // northwind's Jane shares acme's Jane's email
        ImportResult notYours = importZoom(report);

        assertThat(notYours).isEqualTo(unknown);
        assertThat(notYours.problems()).extracting(RowProblem::line).containsExactly(2);
        assertThat(published).extracting(AttendanceEvent::licenseeId).containsOnly("acme-jane").hasSize(2);
    }

    @Test
    void aRefusalCatchesUpAsAMissDoesSoATransferThroughAnotherInstanceIsSeen() {
        northwindRegisters("moving", "m@example.org");
        // An ADMIN transfer to acme, stored through another instance: this one reads it when it catches up.
        licensees.view().catchUpWith(timeout -> {
            catchUps.incrementAndGet();
            licensees.view().apply("moving", new LicenseeDirectory.Entry("m@example.org", "acme"), new Position(1, 2));
            return true;
        });

        service.record(joined("e-1", "acme-live", "moving"), ACME);

        assertThat(catchUps).hasValue(1);
        assertThat(published).extracting(AttendanceEvent::licenseeId).containsExactly("moving");
    }

    @Test
    void anAdminKeyTooMayNameOnlyTheSessionProvidersLicensees() {
        northwindRegisters("nw-sam", "sam@example.org");

        BatchResult result = service.recordBatch(List.of(new BatchItem.Parsed<>(0, joined("e-1", "acme-live", "nw-sam")),
                new BatchItem.Parsed<>(1, joined("e-1", "nw-live", "nw-sam"))), ADMIN);

        assertThat(result.results()).extracting(BatchResult.Item::status).containsExactly(422, 202);
        assertThat(published).extracting(AttendanceEvent::sessionId).containsExactly("nw-live");
    }

    @Test
    void anAdminBatchKeepsTwoProvidersEventsThatShareAnEventId() {
        northwindRegisters("nw-sam", "sam@example.org");

        BatchResult result = service.recordBatch(List.of(new BatchItem.Parsed<>(0, joined("same-id", "acme-live", "acme-jane")),
                new BatchItem.Parsed<>(1, joined("same-id", "nw-live", "nw-sam"))), ADMIN);

        assertThat(result.results()).extracting(BatchResult.Item::status).containsExactly(202, 202);
        assertThat(published).extracting(AttendanceEvent::sessionId).containsExactly("acme-live", "nw-live");
    }

    private static AttendanceInput joined(String eventId, String sessionId, String licenseeId) {
        return new AttendanceInput(eventId, sessionId, licenseeId, "JOINED", "2025-03-01T09:00:00Z", null, null);
    }

    private ImportResult importRoster(String csv) {
        return service.importRows(service.sessionForImport("acme-live", ACME), AttendanceSource.ROSTER_CSV, "roster",
                RosterCsv.parse(CsvDocument.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 65536), 100));
    }

    private ImportResult importZoom(String report) {
        return service.importRows(service.sessionForImport("acme-live", ACME), AttendanceSource.ZOOM_CSV, "zoom",
                ZoomParticipantReport.parse(CsvDocument.read(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), 65536), ZoneId.of("UTC"), 100));
    }

}
