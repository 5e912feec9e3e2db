package dev.accrue.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.AttendanceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * acme as an attacker against a licensee northwind registered: every ingest path answers it exactly as
 * it answered the same requests before anyone registered the id, and nothing reaches the topic.
 */
class TenancyIT extends IngestItSupport {

    static final String ATTENDANCE = "accrue.attendance";

    @BeforeEach
    void ready() {
        awaitReady();
    }

    @Test
    void everyAttendancePathAnswersAnotherProvidersLicenseeExactlyAsAnUnknownOne() {
        String acmeSession = unique("s");
        String northwindSession = unique("s");
        String victim = unique("lic");
        String email = victim + "@example.org";
        putLiveSession(acmeSession, "acme", ACME);
        putLiveSession(northwindSession, "northwind", NORTHWIND);
        List<Supplier<Response>> attacks = attacks(acmeSession, victim, email);

        List<Response> unknown = attacks.stream().map(Supplier::get).toList();
        assertThat(putLicensee(victim, email, NORTHWIND).status()).isEqualTo(200);
        List<Response> notYours = attacks.stream().map(Supplier::get).toList();

        assertThat(unknown).extracting(Response::status).containsExactly(422, 200, 200, 200, 200, 200);
        for (int i = 0; i < attacks.size(); i++) {
            assertThat(notYours.get(i).status()).as("attack %d", i).isEqualTo(unknown.get(i).status());
            assertThat(notYours.get(i).body()).as("attack %d", i).isEqualTo(unknown.get(i).body());
            assertThat(notYours.get(i).contentType()).as("attack %d", i).isEqualTo(unknown.get(i).contentType());
        }
        assertThat(notYours.get(0).json().get("type").asString()).endsWith("/unknown-reference");
        assertThat(notYours.get(1).json().get("results").get(0).get("status").asInt()).isEqualTo(422);
        assertThat(notYours.get(2).json().get("results").get(0).get("status").asInt()).isEqualTo(422);
        notYours.subList(3, 6).forEach(r -> assertThat(r.json().get("eventsAccepted").asInt()).isZero());
        notYours.forEach(r -> assertThat(r.body()).doesNotContain("northwind", "Jane"));
        // The owner may name her; only that event reaches the topic.
        assertThat(postJson("/v1/attendance", NORTHWIND, event(unique("e"), northwindSession, victim, "JOINED",
                "2025-03-01T09:00:00-08:00")).status()).isEqualTo(202);
        assertThat(readAll(ATTENDANCE, AttendanceEvent.class, e -> e.getLicenseeId().equals(victim)))
                .extracting(r -> r.value().getSessionId()).containsExactly(northwindSession);
    }

    @Test
    void anotherProvidersLicenseeIdIsNotAvailableAndTheAnswerTellsNothingAboutHerOrHerProvider() {
        String victim = unique("lic");
        putLicensee(victim, victim + "@example.org", NORTHWIND);

        Response takeOver = putLicensee(victim, "acme-guess@example.org", ACME);

        assertThat(takeOver.status()).isEqualTo(409);
        assertThat(takeOver.contentType()).startsWith("application/problem+json");
        assertThat(takeOver.json().get("type").asString()).isEqualTo("https://accrue.dev/problems/id-unavailable");
        assertThat(takeOver.json().get("detail").asString()).isEqualTo("Licensee id '" + victim + "' is not available;"
                + " choose another id. Licensee ids are one namespace for all providers: use opaque ids, never licence"
                + " numbers or emails");
        assertThat(takeOver.body()).doesNotContain("northwind", "Jane", victim + "@example.org");
    }

    /** The same six requests each time: single event, JSON batch, NDJSON batch, roster by id, roster by email, Zoom. */
    private List<Supplier<Response>> attacks(String session, String licenseeId, String email) {
        String joined = event("atk-" + licenseeId, session, licenseeId, "JOINED", "2025-03-01T09:00:00-08:00");
        String import_ = "/v1/attendance/import?sessionId=" + session + "&format=";
        List<Supplier<Response>> attacks = new ArrayList<>();
        attacks.add(() -> postJson("/v1/attendance", ACME, joined));
        attacks.add(() -> postJson("/v1/attendance/batch", ACME, "[" + joined + "]"));
        attacks.add(() -> send("POST", "/v1/attendance/batch", ACME, "application/x-ndjson", joined + "\n"));
        attacks.add(() -> send("POST", import_ + "roster", ACME, "text/csv",
                "licenseeId,type,occurredAt\n" + licenseeId + ",JOINED,2025-03-01T09:00:00-08:00\n"));
        attacks.add(() -> send("POST", import_ + "roster", ACME, "text/csv",
                "email,type,occurredAt\n" + email + ",JOINED,2025-03-01T09:00:00-08:00\n"));
        attacks.add(() -> send("POST", import_ + "zoom", ACME, "text/csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Jane Doe,%s,03/01/2025 08:58:12 AM,03/01/2025 12:15:40 PM,197,No
                """.formatted(email)));
        return attacks;
    }
}
