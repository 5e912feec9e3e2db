package dev.accrue.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.teststack.SharedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With the broker stopped, a write is answered 503 with Retry-After within the configured bound
 * and never as a success; once the broker is back, the same request succeeds. Its own class, so
 * the outage cannot disturb other tests; the broker is restarted even when an assertion fails.
 */
class KafkaOutageIT extends IngestItSupport {

    @Test
    void aWriteDuringAnOutageIs503WithRetryAfterAndSucceedsOnceKafkaIsBack() {
        awaitReady();
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        String eventId = unique("e");
        assertThat(putLiveSession(sessionId, "acme", ACME).status()).isEqualTo(200);
        assertThat(putLicensee(licenseeId, licenseeId + "@example.org", ACME).status()).isEqualTo(200);
        String body = event(eventId, sessionId, licenseeId, "JOINED", "2025-03-01T09:00:00Z");

        SharedStack.infrastructure().stop(Component.KAFKA);
        try {
            long started = System.nanoTime();
            Response during = postJson("/v1/attendance", ACME, body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Response batch = postJson("/v1/attendance/batch", ACME, "[" + body + "]");
            Response health = send("GET", "/actuator/health", null, null, (String) null);

            assertThat(during.status()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            assertThat(during.contentType()).startsWith("application/problem+json");
            assertThat(during.json().get("detail").asString()).contains("nothing in this request should be considered stored");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(batch.status()).isEqualTo(503);
            assertThat(health.status()).isEqualTo(503);
        } finally {
            SharedStack.start(Component.KAFKA);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> postJson("/v1/attendance", ACME, body).status() == 202);
        assertThat(awaitRecords("accrue.attendance", AttendanceEvent.class, e -> e.getEventId().equals(eventId), 1))
                .allMatch(r -> r.key().equals(licenseeId));
    }
}
