package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.at;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.kafka.AwardMapper;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.AttendancePolicy;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.certificate.kafka.CertificateMapper;
import dev.accrue.credit.compliance.CategoryProgress;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.compliance.ComplianceState;
import dev.accrue.credit.compliance.NotCounted;
import dev.accrue.credit.compliance.kafka.ComplianceMapper;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Every mapper keeps every field: domain to Avro, through the wire format, and back. */
class MappersRoundTripTest {

    private static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> T throughTheWire(T record) {
        var serde = registry.serde((Class<T>) record.getClass());
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", record));
    }

    @Test
    void aSessionSurvivesTheRoundTrip() {
        SessionDefinition session = new SessionDefinition("s", "c", "acme", "T", Format.IN_PERSON, at("09:00"),
                at("12:00"), "America/New_York", List.of(new TimeRange(at("10:00"), at("10:15"))), 2.75,
                List.of(new CategoryHours(Category.SUPERVISION, 1)), Fixtures.approvals(ApprovalBody.NBCC), 80.0,
                new AttendancePolicy(5, 80), "Room 4, 100 Main Street", List.of("Dana Reyes, PhD"));
        assertThat(CatalogMapper.toDomain(throughTheWire(CatalogMapper.toAvro(session, NOW)))).isEqualTo(session);
    }

    @Test
    void aSelfStudySessionSurvivesTheRoundTrip() {
        SessionDefinition session = Fixtures.selfStudy(2, null, ApprovalBody.APA);
        Session avro = throughTheWire(CatalogMapper.toAvro(session, NOW));
        assertThat(CatalogMapper.toDomain(avro)).isEqualTo(session);
    }

    @Test
    void aLicenseeSurvivesTheRoundTrip() {
        Licensee licensee = licensee(license("NY-LMHC", "LMHC", "2024-01-01", "2026-12-31", true),
                new License("CA-BBS", "LCSW", "LCSW-9", LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"), false,
                        true, Set.of(Category.HIV_AIDS, Category.TELEHEALTH)));
        LicenseeProfile avro = throughTheWire(LicenseeMapper.toAvro(licensee, NOW));
        assertThat(LicenseeMapper.toDomain(avro)).isEqualTo(licensee);
    }

    @Test
    void attendanceSurvivesTheRoundTrip() {
        Attendance attendance = new Attendance("e", "s", "l", AttendanceType.SELF_STUDY_COMPLETED, NOW, 88.5, null);
        AttendanceEvent avro = throughTheWire(AttendanceMapper.toAvro(attendance, AttendanceSource.API, NOW));
        assertThat(AttendanceMapper.toDomain(avro)).contains(attendance);
        Attendance joined = joined("09:00", "zoom-row-1");
        assertThat(AttendanceMapper.toDomain(throughTheWire(AttendanceMapper.toAvro(joined, AttendanceSource.ZOOM_CSV, NOW))))
                .contains(joined);
    }

    @Test
    void anUnknownAttendanceTypeMapsToNothing() {
        AttendanceEvent avro = AttendanceMapper.toAvro(joined("09:00"), AttendanceSource.API, NOW);
        avro.setType(dev.accrue.events.AttendanceType.UNKNOWN);
        assertThat(AttendanceMapper.toDomain(avro)).isEmpty();
    }

    @Test
    void anAwardSurvivesTheRoundTrip() {
        Award award = AwardBuilder.award().awardId("a").revision(2).licensee("l").session("s").course("c").title("T")
                .body(ApprovalBody.NASW).jurisdiction("OH").approvalId("OH-1").hours(1.6).ceu(0.16)
                .categories(List.of(new CategoryHours(Category.LAW_AND_ETHICS, 1.06))).minutes(101, 180)
                .completedAt(at("10:41")).awardedAt(NOW).ruleVersion("2025.1@2025-01-01").build();
        License ohio = new License("OH-CSWMFT", "LISW", "I.0012345", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                false, false, Set.of());
        CreditAward avro = throughTheWire(AwardMapper.toAvro(award, List.of(ohio)));
        assertThat(AwardMapper.toDomain(avro)).isEqualTo(award);
        assertThat(avro.getLicenses()).extracting(l -> l.getBoard() + " " + l.getLicenseType() + " " + l.getLicenseNumber())
                .containsExactly("OH-CSWMFT LISW I.0012345");
    }

    @Test
    void aCertificateSurvivesTheRoundTrip() {
        Certificate certificate = new Certificate("AC-1", 3, "l", "Ada Lovelace", List.of("CA-BBS:1"), "s", "c", "acme",
                "T", Format.LIVE_WEBINAR, at("09:00"), at("12:00"),
                List.of(new CertifiedAward("a", 2, ApprovalBody.STATE_BOARD, "FL", "50-1234", 3, List.of(new CategoryHours(Category.GENERAL, 3)))),
                NOW, null);
        CertificateIssued avro = throughTheWire(CertificateMapper.toAvro(certificate));
        assertThat(CertificateMapper.toDomain(avro)).isEqualTo(certificate);
    }

    @Test
    void aComplianceReportSurvivesTheRoundTrip() {
        ComplianceReport report = new ComplianceReport("l", "TX-LPC", "LPC-S", "123", LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-12-31"), 24, 20, 22, 2,
                List.of(new CategoryProgress(Category.SUPERVISION, 6, 3, false, "Supervision (LPC-S)", false),
                        new CategoryProgress(Category.HIV_AIDS, 7, 0, true, "HIV/AIDS (one-time)", true)),
                List.of(new NotCounted("a-9", "s-9", new ApprovalKey(ApprovalBody.STATE_BOARD, "OH"), 2,
                        NotCounted.Reason.BODY_NOT_ACCEPTED, "TX-LPC does not accept credit approved by STATE_BOARD/OH")),
                ComplianceState.AT_RISK,
                "TX-LPC 2025.1@2025-01-01", NOW);
        ComplianceStatus avro = throughTheWire(ComplianceMapper.toAvro(report));
        assertThat(ComplianceMapper.toDomain(avro)).isEqualTo(report);
    }
}
