package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static dev.accrue.credit.Fixtures.live;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.licensee.Licensee;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The credit topology in a {@link TopologyTestDriver} with the real Confluent serdes over an
 * in-memory registry and a clock the test moves. Records carry the clock's time as their timestamp
 * (when ingest published them) unless a test says otherwise. Starts with session {@code sess-1}
 * (3 h, APA and IACET) and licensee {@code lic-1} known.
 */
public abstract class CreditTopologyHarness {

    public static final AccrueTopics TOPICS = new AccrueTopics("accrue.sessions", "accrue.session-closures", "accrue.licensees",
            "accrue.attendance", "accrue.credits", "accrue.certificates", "accrue.compliance", "accrue.rejections",
            "accrue.search-dead-letters", "accrue.providers", 3, (short) 1, false);
    static final CreditStreamsProperties SETTINGS = new CreditStreamsProperties(Duration.ofMinutes(30),
            Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(1),
            "accrue.credit.certificates-by-id", Duration.ofMinutes(10), 1000, 100_000, Duration.ofDays(400), Duration.ofHours(1),
            10_000);

    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T08:00:00Z"));
    TopologyTestDriver driver;
    TestInputTopic<String, Session> sessions;
    TestInputTopic<String, SessionClosed> closures;
    TestInputTopic<String, LicenseeProfile> licensees;
    TestInputTopic<String, AttendanceEvent> attendance;
    TestOutputTopic<String, CreditAward> credits;
    TestOutputTopic<String, CertificateIssued> certificates;
    TestOutputTopic<String, ComplianceStatus> compliance;
    TestOutputTopic<String, Rejection> rejections;

    @BeforeEach
    void startDriver() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        new CreditTopology(TOPICS, settings(), registry, clock, CreditRuleBook.load(), BoardRuleBook.load()).build(builder);
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
        profile(licensee(license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false)));
    }

    /** The topology's timers and limits; a test class may narrow them. */
    CreditStreamsProperties settings() {
        return SETTINGS;
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    void attend(Attendance... events) {
        attendPublishedAt(clock.instant(), events);
    }

    /** Attendance that ingest published at {@code publishedAt} (its record timestamp), read now. */
    void attendPublishedAt(Instant publishedAt, Attendance... events) {
        for (Attendance event : events) {
            attendance.pipeInput(event.licenseeId(), AttendanceMapper.toAvro(event, AttendanceSource.API, publishedAt),
                    publishedAt);
        }
    }

    void profile(Licensee licensee) {
        licensees.pipeInput(licensee.licenseeId(), LicenseeMapper.toAvro(licensee, clock.instant()), clock.instant());
    }

    void passTime(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    void close() {
        close(SESSION);
    }

    /** The provider closes the session now and no attendance follows: it is final once the closure has settled. */
    void close(String sessionId) {
        closeOnly(sessionId);
        settle();
    }

    /** The provider closes the session now; nothing else happens yet. */
    void closeOnly(String sessionId) {
        closures.pipeInput(sessionId, new SessionClosed(sessionId, "acme", clock.instant()), clock.instant());
    }

    /** Check intervals pass, with no attendance, until a closure first seen at the next check has settled. */
    void settle() {
        Duration interval = settings().finalizationCheckInterval();
        Duration needed = interval.plus(settings().closureSettle());
        for (Duration passed = Duration.ZERO; passed.compareTo(needed) < 0; passed = passed.plus(interval)) {
            passTime(interval);
        }
    }
}
