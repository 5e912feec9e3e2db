package dev.accrue.credit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.accrue.credit.CreditApplication;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.attendance.kafka.AttendanceMapper;
import dev.accrue.credit.catalog.ApprovalBody;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The provider's usual order, "send attendance, then close", while the service is down: on restart
 * the global closure table is restored before the task reads the attendance backlog, so the
 * service sees the closure first. Credit must still be decided once, on all of the attendance:
 * one award at revision 1 with the right hours, and a certificate that is never revoked.
 */
class ClosureAfterRestartIT {

    static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);
    static final String APP_ID = RUN + "-credit";
    static final String LICENSEE = RUN + "-lic";
    static final String SESSION = RUN + "-sess";
    final ItSupport kafka = new ItSupport(RUN);

    private ConfigurableApplicationContext start(String stateDir) {
        Map<String, String> properties = new java.util.HashMap<>(kafka.springProperties(APP_ID, stateDir,
                ItSupport.freePort()));
        properties.put("accrue.credit.streams.finalization-grace", "3650d"); // only the closure finalizes here
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CreditApplication.class).profiles("local").run(arguments);
    }

    private void attend(AttendanceType type, String hhmm) {
        Attendance event = new Attendance(UUID.randomUUID().toString(), SESSION, LICENSEE, type, Fixtures.at(hhmm), null, null);
        kafka.send("attendance", LICENSEE, AttendanceMapper.toAvro(event, AttendanceSource.BATCH, Instant.now()));
    }

    /**
     * Every record of an output topic once there is at least one and no more arrived for a few seconds:
     * a decision on part of the attendance would show up as a second revision right after the first.
     */
    private <T> List<T> awaitSettled(String topicKey) {
        AtomicInteger seen = new AtomicInteger(-1);
        await().during(Duration.ofSeconds(3)).atMost(ItSupport.TIMEOUT).until(() -> {
            int count = kafka.readAll(topicKey).size();
            return count > 0 && seen.getAndSet(count) == count;
        });
        return kafka.readAll(topicKey);
    }

    @Test
    void attendanceSentBeforeTheClosureAndReadAfterItIsCreditedOnce() throws Exception {
        String stateDir = Files.createTempDirectory("credit-closure-it").toString();
        ConfigurableApplicationContext first = start(stateDir);
        SessionDefinition like = Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET); // 09:00-12:00
        kafka.send("sessions", SESSION, CatalogMapper.toAvro(new SessionDefinition(SESSION, like.courseId(),
                like.providerId(), like.title(), like.format(), like.startsAt(), like.endsAt(), like.timeZone(),
                like.breaks(), like.creditHours(), like.categories(), like.approvals(), like.passingScore(), null, null, List.of()),
                Instant.now()));
        kafka.send("licensees", LICENSEE, LicenseeMapper.toAvro(
                new Licensee(LICENSEE, "Ada", "Lovelace", "ada@example.org", List.of()), Instant.now()));
        kafka.awaitConsumed(APP_ID, "licensees");
        first.close();

        attend(AttendanceType.JOINED, "09:00"); // one batch, acknowledged before the provider closes the session
        attend(AttendanceType.LEFT, "10:00");
        kafka.flush();
        kafka.send("session-closures", SESSION, new SessionClosed(SESSION, "acme", Instant.now()));
        kafka.flush();

        ConfigurableApplicationContext second = start(stateDir);
        try {
            // One hour of three: IACET 1.0 h partial credit; APA (all-or-nothing, 120 minutes missed) nothing.
            List<CreditAward> awards = awaitSettled("credits");
            assertThat(awards).extracting(CreditAward::getBody, CreditAward::getRevision, CreditAward::getHours)
                    .containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1, 1.0));
            List<CertificateIssued> certificates = kafka.readAll("certificates"); // committed with the awards (EOS)
            assertThat(certificates).singleElement().satisfies(certificate -> {
                assertThat(certificate.getRevision()).isEqualTo(1);
                assertThat(certificate.getAwards()).extracting(a -> a.getBody(), a -> a.getHours())
                        .containsExactly(tuple(dev.accrue.events.ApprovalBody.IACET, 1.0));
            });
            assertThat(kafka.readAll("rejections")).isEmpty();
        } finally {
            second.close();
        }
    }
}
