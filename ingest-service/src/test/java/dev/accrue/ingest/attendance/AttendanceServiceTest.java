package dev.accrue.ingest.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.access.TestAccess;
import dev.accrue.ingest.attendance.csv.CsvDocument;
import dev.accrue.ingest.attendance.csv.ZoomParticipantReport;
import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.UnknownReferenceException;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.ingest.view.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttendanceServiceTest {

    static final Access ACME = TestAccess.provider("acme");

    private final KeyedView<KnownSession> catalog = new KeyedView<>("catalog", Duration.ZERO, Duration.ofSeconds(1));
    private final LicenseeDirectory licensees = new LicenseeDirectory(Duration.ZERO, Duration.ofSeconds(1));
    private final List<AttendanceEvent> published = new ArrayList<>();
    private final AttendanceService service = new AttendanceService(catalog, licensees, published::addAll,
            Clock.fixed(Instant.parse("2025-03-02T00:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void knownSessionsAndLicensees() {
        catalog.markReady();
        licensees.view().markReady();
        catalog.catchUpWith(timeout -> true); // both views are caught up with their topics
        licensees.view().catchUpWith(timeout -> true);
        catalog.apply("live-1", new KnownSession("live-1", "acme", Format.LIVE_WEBINAR, "America/Los_Angeles"), new Position(0, 1));
        catalog.apply("other-1", new KnownSession("other-1", "northwind", Format.IN_PERSON, "UTC"), new Position(0, 2));
        licensees.view().apply("lic-1", new LicenseeDirectory.Entry("jane.doe@example.org", "acme"), new Position(0, 1));
        licensees.view().apply("lic-2", new LicenseeDirectory.Entry("shared@example.org", "northwind"), new Position(0, 2));
        licensees.view().apply("lic-3", new LicenseeDirectory.Entry("shared@example.org", null), new Position(0, 3));
    }

    static AttendanceInput event(String id, String session, String licensee, String type) {
        return new AttendanceInput(id, session, licensee, type, "2025-03-01T09:00:00-08:00", null, null);
    }

    @Test
    void oneEventIsPublishedAfterEveryCheck() {
        service.record(event("e-1", "live-1", "lic-1", "JOINED"), ACME);

        assertThat(published).extracting(AttendanceEvent::eventId).containsExactly("e-1");
    }

    @Test
    void oneEventForAnUnknownSessionOrAnotherProvidersSessionIsRefused() {
        assertThatThrownBy(() -> service.record(event("e-1", "nope", "lic-1", "JOINED"), ACME))
                .isInstanceOf(UnknownReferenceException.class).hasMessageContaining("No session 'nope'");
        assertThatThrownBy(() -> service.record(event("e-1", "other-1", "lic-1", "JOINED"), ACME))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("provider 'northwind'");
        assertThatThrownBy(() -> service.record(event("e-1", "live-1", "lic-9", "JOINED"), ACME))
                .isInstanceOf(UnknownReferenceException.class).hasMessageContaining("No licensee 'lic-9'");
        assertThat(published).isEmpty();
    }

    @Test
    void aBatchAnswersPerItemAndPublishesOnlyTheValidOnes() {
        BatchResult result = service.recordBatch(List.of(
                new BatchItem.Parsed<>(0, event("e-1", "live-1", "lic-1", "JOINED")),
                new BatchItem.Malformed<>(1, "e-2", List.of(new FieldError("score", "must be a number"))),
                new BatchItem.Parsed<>(2, event("e-3", "other-1", "lic-1", "JOINED")),
                new BatchItem.Parsed<>(3, event("e-4", "live-1", "lic-9", "LEFT")),
                new BatchItem.Parsed<>(4, event("e-1", "live-1", "lic-1", "JOINED")),
                new BatchItem.Parsed<>(5, event("e-1", "live-1", "lic-1", "LEFT")),
                new BatchItem.Parsed<>(6, event("e-7", "live-1", "lic-1", "SELF_STUDY_COMPLETED")),
                new BatchItem.Parsed<>(7, event("e-8", "live-1", "lic-1", "LEFT"))), ACME);

        assertThat(result.results()).extracting(BatchResult.Item::status)
                .containsExactly(202, 400, 403, 422, 202, 409, 422, 202);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(5);
        assertThat(published).extracting(AttendanceEvent::eventId).containsExactly("e-1", "e-8");
        assertThat(published).allMatch(e -> e.source() == AttendanceSource.BATCH);
    }

    @Test
    void aZoomReconnectImportsEveryPairAndReimportingDerivesTheSameIds() {
        String report = """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Jane Doe,Jane.Doe@example.org,03/01/2025 08:58:12 AM,03/01/2025 10:15:40 AM,78,No
                Jane Doe,jane.doe@example.org,03/01/2025 10:17:05 AM,03/01/2025 12:00:00 PM,103,No
                Jane Doe,jane.doe@example.org,03/01/2025 10:17:05 AM,03/01/2025 12:00:00 PM,103,No
                Sam Shared,shared@example.org,03/01/2025 09:00:00 AM,03/01/2025 10:00:00 AM,60,No
                Nobody,nobody@example.org,03/01/2025 09:00:00 AM,03/01/2025 10:00:00 AM,60,No
                """;
        KnownSession session = service.sessionForImport("live-1", ACME);

        ImportResult first = importZoom(session, report);
        List<String> firstIds = published.stream().map(AttendanceEvent::eventId).toList();
        published.clear();
        ImportResult second = importZoom(session, report);

        assertThat(first.rowsRead()).isEqualTo(5);
        assertThat(first.eventsAccepted()).isEqualTo(4);
        assertThat(first.duplicateEvents()).isEqualTo(2);
        assertThat(first.problems()).extracting(RowProblem::line, RowProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, RowProblem.Kind.UNMATCHED),
                org.assertj.core.groups.Tuple.tuple(6, RowProblem.Kind.UNMATCHED));
        assertThat(published).extracting(AttendanceEvent::eventId).containsExactlyInAnyOrderElementsOf(firstIds);
        assertThat(published).allMatch(e -> e.licenseeId().equals("lic-1") && e.source() == AttendanceSource.ZOOM_CSV);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aBadConnectionIdIsRefusedAndNeverPublished() {
        AttendanceInput tooLong = new AttendanceInput("e-1", "live-1", "lic-1", "JOINED", "2025-03-01T09:00:00-08:00",
                null, "c".repeat(129));

        assertThatThrownBy(() -> service.record(tooLong, ACME)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("connectionId"));
        BatchResult batch = service.recordBatch(List.of(new BatchItem.Parsed<>(0, tooLong),
                new BatchItem.Parsed<>(1, new AttendanceInput("e-2", "live-1", "lic-1", "JOINED",
                        "2025-03-01T09:00:00-08:00", null, "laptop"))), ACME);

        assertThat(batch.results()).extracting(BatchResult.Item::status).containsExactly(422, 202);
        assertThat(published).extracting(AttendanceEvent::eventId, AttendanceEvent::connectionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e-2", "laptop"));
    }

    @Test
    void twoDevicesJoiningInTheSameSecondImportAsTwoConnectionsWithTheSameIdsOnEveryImport() {
        String report = """
                Name (Original Name),User Email,Join Time,Leave Time
                Jane Doe,jane.doe@example.org,03/01/2025 09:00:00 AM,03/01/2025 09:30:00 AM
                Jane Doe (iPhone),jane.doe@example.org,03/01/2025 09:00:00 AM,03/01/2025 12:00:00 PM
                """;
        KnownSession session = service.sessionForImport("live-1", ACME);

        ImportResult first = importZoom(session, report);
        List<AttendanceEvent> firstEvents = List.copyOf(published);
        published.clear();
        importZoom(session, report);

        assertThat(first.eventsAccepted()).isEqualTo(4);
        assertThat(first.duplicateEvents()).isZero();
        // Each row's JOINED and LEFT share a connection, and the two rows' connections differ.
        Map<String, List<AttendanceType>> typesByConnection = firstEvents.stream().collect(Collectors.groupingBy(
                AttendanceEvent::connectionId, Collectors.mapping(AttendanceEvent::type, Collectors.toList())));
        assertThat(typesByConnection).hasSize(2).allSatisfy((connection, types) ->
                assertThat(types).containsExactlyInAnyOrder(AttendanceType.JOINED, AttendanceType.LEFT));
        assertThat(published).extracting(AttendanceEvent::eventId, AttendanceEvent::connectionId)
                .containsExactlyElementsOf(firstEvents.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.eventId(), e.connectionId())).toList());
    }

    @Test
    void aZoomRowWithOneRefusedEventPublishesNeitherOfItsEvents() {
        // Leave Time is after the clock (2025-03-02T00:00Z, that is 16:00 in Los Angeles): the LEFT is refused.
        String report = """
                Name (Original Name),User Email,Join Time,Leave Time
                Jane Doe,jane.doe@example.org,03/01/2025 03:00:00 PM,03/01/2025 05:00:00 PM
                Jane Doe,jane.doe@example.org,03/01/2025 08:00:00 AM,03/01/2025 09:00:00 AM
                """;

        ImportResult result = importZoom(service.sessionForImport("live-1", ACME), report);

        assertThat(result.problems()).extracting(RowProblem::line, RowProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, RowProblem.Kind.INVALID));
        assertThat(result.eventsAccepted()).isEqualTo(2);
        assertThat(published).extracting(AttendanceEvent::occurredAt).containsExactly(
                Instant.parse("2025-03-01T16:00:00Z"), Instant.parse("2025-03-01T17:00:00Z"));
    }

    @Test
    void anEmailSharedWithOtherProvidersLicenseesMatchesTheImportingProvidersOwn() {
        licensees.view().apply("lic-4", new LicenseeDirectory.Entry("shared@example.org", "acme"), new Position(0, 4));
        String report = """
                Name (Original Name),User Email,Join Time,Leave Time
                Sam Shared,shared@example.org,03/01/2025 09:00:00 AM,03/01/2025 10:00:00 AM
                """;

        ImportResult acme = importZoom(service.sessionForImport("live-1", ACME), report);

        assertThat(acme.problems()).isEmpty();
        assertThat(published).extracting(AttendanceEvent::licenseeId).containsExactly("lic-4", "lic-4");
    }

    @Test
    void anImportIsOnlyForTheCallersOwnKnownSession() {
        assertThatThrownBy(() -> service.sessionForImport("other-1", ACME)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.sessionForImport("nope", ACME)).isInstanceOf(UnknownReferenceException.class);
    }

    private ImportResult importZoom(KnownSession session, String report) {
        return service.importRows(session, AttendanceSource.ZOOM_CSV, "zoom",
                ZoomParticipantReport.parse(CsvDocument.read(new java.io.ByteArrayInputStream(
                        report.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 65536), ZoneId.of(session.timeZone()), 100));
    }
}
