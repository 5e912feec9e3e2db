package dev.accrue.credit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.credit.CreditApplication;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.licensee.kafka.LicenseeMapper;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.CreditAward;
import dev.accrue.events.SessionClosed;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the service in the middle of a stream and starts a new instance with the same
 * application id and state directory: every (licensee, session) pair ends with exactly one award
 * and one certificate, none missing and none duplicated (read-committed, as exactly-once promises).
 * Some licensees' profiles are published only after the restart, so their attendance is held
 * across it and must be credited exactly once too.
 */
class CreditRestartIT {

    static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);
    static final String APP_ID = RUN + "-credit";
    static final int SESSIONS = 10;
    static final int LICENSEES = 40;
    static final int PROFILES_AFTER_RESTART = 8;
    final ItSupport kafka = new ItSupport(RUN);

    private ConfigurableApplicationContext start(String stateDir) {
        Map<String, String> properties = new HashMap<>(kafka.springProperties(APP_ID, stateDir, ItSupport.freePort()));
        properties.put("accrue.credit.streams.finalization-grace", "3650d"); // only provider closure finalizes here
        properties.put("accrue.credit.streams.unknown-reference-wait", "5m"); // held across the restart, never expired
        // As command-line arguments: they outrank application-local.yml (builder "properties" would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CreditApplication.class).profiles("local").run(arguments);
    }

    private static String session(int i) {
        return RUN + "-s" + i;
    }

    private static String licensee(int i) {
        return RUN + "-l" + i;
    }

    private void sendProfile(int l) {
        kafka.send("licensees", licensee(l), LicenseeMapper.toAvro(
                new Licensee(licensee(l), "P", "L" + l, l + "@example.org", List.of()), Instant.now()));
    }

    private void joinEveryone(int fromSession, int toSession) {
        for (int s = fromSession; s < toSession; s++) {
            for (int l = 0; l < LICENSEES; l++) {
                Attendance joined = new Attendance(session(s) + "/" + licensee(l), session(s), licensee(l),
                        AttendanceType.JOINED, Fixtures.at("09:00"), null, null);
                var event = AttendanceMapper.toAvro(joined, AttendanceSource.BATCH, Instant.now());
                kafka.send("attendance", licensee(l), event);
                if (l % 5 == 0) {
                    kafka.send("attendance", licensee(l), event); // redelivered by the provider: same event id
                }
            }
        }
        kafka.flush();
    }

    private void close(int fromSession, int toSession) {
        for (int s = fromSession; s < toSession; s++) {
            kafka.send("session-closures", session(s), new SessionClosed(session(s), "acme", Instant.now()));
        }
        kafka.flush();
    }

    @Test
    void aRestartInTheMiddleOfAStreamNeitherDuplicatesNorLosesAnAward() throws Exception {
        String stateDir = Files.createTempDirectory("credit-restart-it").toString();
        ConfigurableApplicationContext first = start(stateDir);
        for (int s = 0; s < SESSIONS; s++) {
            kafka.send("sessions", session(s), CatalogMapper.toAvro(new SessionDefinition(session(s), "course-" + s,
                    "acme", "Course " + s, Format.LIVE_WEBINAR, Fixtures.STARTS, Fixtures.ENDS, "UTC", List.of(), 2,
                    List.of(), Fixtures.approvals(ApprovalBody.APA), null, null, null, List.of()), Instant.now()));
        }
        for (int l = PROFILES_AFTER_RESTART; l < LICENSEES; l++) {
            sendProfile(l);
        }
        kafka.awaitConsumed(APP_ID, "licensees");

        joinEveryone(0, SESSIONS / 2);
        close(0, SESSIONS / 2);
        kafka.<CreditAward>awaitRecords("credits", 1, award -> true); // the first instance is at work
        joinEveryone(SESSIONS / 2, SESSIONS);
        first.close(); // mid-stream: the second half is produced but (mostly) not processed yet

        ConfigurableApplicationContext second = start(stateDir);
        try {
            for (int l = 0; l < PROFILES_AFTER_RESTART; l++) {
                sendProfile(l);
            }
            close(SESSIONS / 2, SESSIONS);
            int expected = SESSIONS * LICENSEES;
            await().atMost(ItSupport.TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> kafka.<CreditAward>readAll("credits").size() >= expected);
            // Stay put for a few seconds: a duplicate would show up as more than one record per award.
            await().during(Duration.ofSeconds(3)).atMost(ItSupport.TIMEOUT)
                    .until(() -> kafka.<CreditAward>readAll("credits").size() == expected);

            List<CreditAward> awards = kafka.readAll("credits");
            Map<String, Long> perAward = awards.stream()
                    .collect(Collectors.groupingBy(CreditAward::getAwardId, Collectors.counting()));
            assertThat(perAward).hasSize(expected);
            assertThat(perAward.values()).containsOnly(1L);
            assertThat(awards).extracting(CreditAward::getRevision).containsOnly(1);
            assertThat(awards).extracting(CreditAward::getHours).containsOnly(2.0);
            Set<String> pairs = new HashSet<>(awards.stream().map(a -> a.getSessionId() + "/" + a.getLicenseeId()).toList());
            assertThat(pairs).hasSize(expected);

            List<CertificateIssued> certificates = kafka.readAll("certificates");
            assertThat(certificates.stream().collect(Collectors.groupingBy(CertificateIssued::getCertificateId,
                    Collectors.counting())).values()).hasSize(expected).containsOnly(1L);
            assertThat(kafka.readAll("rejections")).isEmpty();
        } finally {
            second.close();
        }
    }

}
