package dev.accrue.credit.kafka;

import static dev.accrue.credit.Fixtures.ENDS;
import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.CertificateNumber;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Rejection;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import dev.accrue.platform.topics.AccrueTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditTopologyTest {

    static final AccrueTopics TOPICS = new AccrueTopics("accrue.sessions", "accrue.session-closures", "accrue.licensees",
            "accrue.attendance", "accrue.credits", "accrue.certificates", "accrue.compliance", "accrue.rejections",
            "accrue.search-dead-letters", 3, (short) 1, false);
    static final CreditStreamsProperties SETTINGS = new CreditStreamsProperties(Duration.ofMinutes(30),
            Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(1), "accrue.credit.certificates-by-id");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T08:00:00Z"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, Session> sessions;
    private TestInputTopic<String, SessionClosed> closures;
    private TestInputTopic<String, LicenseeProfile> licensees;
    private TestInputTopic<String, AttendanceEvent> attendance;
    private TestOutputTopic<String, CreditAward> credits;
    private TestOutputTopic<String, CertificateIssued> certificates;
    private TestOutputTopic<String, ComplianceStatus> compliance;
    private TestOutputTopic<String, Rejection> rejections;

    @BeforeEach
    void startDriver() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        new CreditTopology(TOPICS, SETTINGS, registry, clock, CreditRuleBook.load(), BoardRuleBook.load()).build(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "credit-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("credit-ttd").toString());
        driver = new TopologyTestDriver(builder.build(), props, clock.instant());
        var strings = Serdes.String();
        sessions = driver.createInputTopic(TOPICS.sessions(), strings.serializer(), registry.serde(Session.class).serializer());
        closures = driver.createInputTopic(TOPICS.sessionClosures(), strings.serializer(), registry.serde(SessionClosed.class).serializer());
        licensees = driver.createInputTopic(TOPICS.licensees(), strings.serializer(), registry.serde(LicenseeProfile.class).serializer());
        attendance = driver.createInputTopic(TOPICS.attendance(), strings.serializer(), registry.serde(AttendanceEvent.class).serializer());
        credits = driver.createOutputTopic(TOPICS.credits(), strings.deserializer(), registry.serde(CreditAward.class).deserializer());
        certificates = driver.createOutputTopic(TOPICS.certificates(), strings.deserializer(), registry.serde(CertificateIssued.class).deserializer());
        compliance = driver.createOutputTopic(TOPICS.compliance(), strings.deserializer(), registry.serde(ComplianceStatus.class).deserializer());
        rejections = driver.createOutputTopic(TOPICS.rejections(), strings.deserializer(), registry.serde(Rejection.class).deserializer());
        sessions.pipeInput(SESSION, CatalogMapper.toAvro(live(3, ApprovalBody.APA, ApprovalBody.IACET), clock.instant()));
        licensees.pipeInput(LICENSEE, LicenseeMapper.toAvro(
                licensee(license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false)), clock.instant()));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void attend(Attendance... events) {
        for (Attendance event : events) {
            attendance.pipeInput(event.licenseeId(), AttendanceMapper.toAvro(event, AttendanceSource.API, clock.instant()));
        }
    }

    private void passTime(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    private void close() {
        closures.pipeInput(SESSION, new SessionClosed(SESSION, "acme", clock.instant()));
        passTime(SETTINGS.finalizationCheckInterval());
    }

    @Test
    void closing_a_session_awards_credit_issues_a_certificate_and_updates_compliance() {
        attend(joined("09:00"), left("12:00"));
        compliance.readRecordsToList(); // the profile's first evaluation
        close();
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getHours)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.APA, 3.0),
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.IACET, 3.0));
        assertThat(certificates.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(LICENSEE);
            assertThat(kv.value.getCertificateId()).isEqualTo(CertificateNumber.of(LICENSEE, SESSION));
        });
        assertThat(compliance.readValuesToList()).singleElement()
                .satisfies(status -> assertThat(status.getEarnedHours()).isEqualTo(3.0));
    }

    @Test
    void a_session_is_not_final_before_its_end_plus_grace() {
        attend(joined("09:00"), left("12:00"));
        clock.set(ENDS);
        passTime(Duration.ofMinutes(29));
        assertThat(credits.isEmpty()).isTrue();
    }

    @Test
    void a_session_becomes_final_after_grace_and_a_quiet_period() {
        clock.set(ENDS.plus(Duration.ofMinutes(28)));
        attend(joined("09:00"), left("12:00"));
        passTime(Duration.ofMinutes(4)); // grace over at 12:30, but attendance arrived 4 minutes ago
        assertThat(credits.isEmpty()).isTrue();
        passTime(Duration.ofMinutes(1));
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void a_repeated_event_is_credited_once() {
        Attendance join = joined("09:00");
        attend(join, join, left("12:00"));
        close();
        attend(join);
        assertThat(credits.readValuesToList()).hasSize(2);
        assertThat(certificates.readValuesToList()).hasSize(1);
    }

    @Test
    void a_late_event_after_finalization_revises_the_award_and_the_certificate() {
        attend(joined("09:00"));
        close();
        credits.readValuesToList();
        attend(left("10:00"));
        assertThat(credits.readValuesToList()).extracting(CreditAward::getBody, CreditAward::getRevision, CreditAward::getHours)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.APA, 2, 0.0),
                        org.assertj.core.groups.Tuple.tuple(dev.accrue.events.ApprovalBody.IACET, 2, 1.0));
        assertThat(certificates.readValuesToList()).extracting(CertificateIssued::getRevision).containsExactly(1, 2);
    }

    @Test
    void attendance_after_the_provider_closed_the_session_is_credited_at_once() {
        closures.pipeInput(SESSION, new SessionClosed(SESSION, "acme", clock.instant()));
        attend(joined("09:00"));
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void certificates_can_be_found_by_number() {
        attend(joined("09:00"), left("12:00"));
        close();
        ValueAndTimestamp<CertificateIssued> stored = driver.<String, CertificateIssued>getTimestampedKeyValueStore(
                CreditTopology.CERTIFICATE_STORE).get(CertificateNumber.of(LICENSEE, SESSION));
        assertThat(stored.value().getLicenseeId()).isEqualTo(LICENSEE);
    }

    @Test
    void attendance_for_an_unknown_session_is_rejected_with_the_reason() {
        attend(new Attendance("e-1", "no-such-session", LICENSEE, dev.accrue.credit.attendance.AttendanceType.JOINED,
                Fixtures.STARTS, null));
        assertThat(rejections.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(LICENSEE);
            assertThat(kv.value.getReason()).contains("Unknown session 'no-such-session'");
            assertThat(kv.value.getEventId()).isEqualTo("e-1");
            assertThat(kv.value.getSourceTopic()).isEqualTo(TOPICS.attendance());
        });
    }

    @Test
    void attendance_for_an_unknown_licensee_is_rejected_with_the_reason() {
        attend(new Attendance("e-2", SESSION, "stranger", dev.accrue.credit.attendance.AttendanceType.JOINED,
                Fixtures.STARTS, null));
        assertThat(rejections.readValuesToList()).extracting(Rejection::getReason)
                .containsExactly("Unknown licensee 'stranger'");
    }

    @Test
    void an_unreadable_record_is_rejected_with_its_payload_and_the_stream_goes_on() {
        driver.createInputTopic(TOPICS.attendance(), Serdes.String().serializer(), Serdes.ByteArray().serializer())
                .pipeInput(LICENSEE, new byte[] {1, 2, 3});
        attend(joined("09:00"), left("12:00"));
        close();
        assertThat(rejections.readValuesToList()).singleElement().satisfies(rejection -> {
            assertThat(rejection.getReason()).startsWith("Cannot read the record");
            assertThat(rejection.getPayload().array()).containsExactly(1, 2, 3);
        });
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void a_licensee_profile_is_evaluated_for_compliance() {
        assertThat(compliance.readValuesToList()).singleElement().satisfies(status -> {
            assertThat(status.getBoard()).isEqualTo("CA-BBS");
            assertThat(status.getRequiredHours()).isEqualTo(36.0);
        });
    }
}
