package dev.accrue.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Licensees and sessions in batches (JSON array and NDJSON), through real HTTP, with what was stored read back from
 * the real topics: per-item answers, the single PUT's rules and owners per item, and the batch limits.
 */
class RegistrationBatchIT extends IngestItSupport {

    static final String LICENSEES = "accrue.licensees";
    static final String SESSIONS = "accrue.sessions";

    @BeforeEach
    void ready() {
        awaitReady();
    }

    static String licensee(String licenseeId, String email) {
        return """
                {"licenseeId":"%s","givenName":"Jane","familyName":"Doe","email":"%s","licenses":[{"board":"CA-BBS",
                 "licenseType":"LMFT","licenseNumber":"LMFT 1","cycleStart":"2024-01-01","cycleEnd":"2025-12-31","firstRenewal":false}]}"""
                .formatted(licenseeId, email).replace("\n", "");
    }

    static String session(String sessionId, String provider) {
        return """
                {"sessionId":"%s","courseId":"ethics-101","providerId":"%s","title":"Law and Ethics","format":"SELF_STUDY",
                 "creditHours":3,"categories":[{"category":"LAW_AND_ETHICS","hours":3}],
                 "approvals":[{"body":"APA","approvalId":"APA-1"}]}""".formatted(sessionId, provider).replace("\n", "");
    }

    static List<Integer> statuses(Response response) {
        return response.json().get("results").findValues("status").stream().map(JsonNode::asInt).toList();
    }

    @Test
    void aJsonArrayOfLicenseesIsStoredWithOneAnswerPerItemAndTheyMayAttendAtOnce() {
        String prefix = unique("lb");
        String sessionId = unique("s");
        putLiveSession(sessionId, "acme", ACME);

        Response response = postJson("/v1/licensees/batch", ACME, "[" + licensee(prefix + "-0", "Ana@Example.org") + ","
                + licensee(prefix + "-1", "ben@example.org") + "," + licensee(prefix + "-2", "cy@example.org") + "]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(response.json().get("rejected").asInt()).isEqualTo(0);
        assertThat(statuses(response)).containsExactly(200, 200, 200);
        assertThat(response.json().get("results").findValues("licenseeId")).extracting(JsonNode::asString)
                .containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
        List<ConsumerRecord<String, LicenseeProfile>> stored = awaitRecords(LICENSEES, LicenseeProfile.class,
                l -> l.getLicenseeId().startsWith(prefix), 3);
        assertThat(stored).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(prefix + "-0", prefix + "-1", prefix + "-2");
        assertThat(stored).extracting(r -> r.value().getOwner()).containsOnly("acme");
        assertThat(stored).extracting(r -> r.value().getEmail()).contains("ana@example.org");
        // The directory took them in as they were acknowledged: attendance may name them at once.
        assertThat(postJson("/v1/attendance", ACME, event(unique("e"), sessionId, prefix + "-1", "JOINED",
                "2025-03-01T09:00:00-08:00")).status()).isEqualTo(202);
    }

    @Test
    void anNdjsonBatchOfLicenseesIsStoredLineByLine() {
        String prefix = unique("ln");
        String ndjson = licensee(prefix + "-0", "a@example.org") + "\n\n" + licensee(prefix + "-1", "b@example.org") + "\r\n"
                + "{\"licenseeId\": broken\n";

        Response response = send("POST", "/v1/licensees/batch", ACME, "application/x-ndjson", ndjson);

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly(200, 200, 400);
        assertThat(awaitRecords(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().startsWith(prefix), 2)).hasSize(2);
    }

    @Test
    void eachLicenseeItemMeetsTheSinglePutsRulesAndOnlyValidItemsAreStored() {
        String prefix = unique("lm");
        Response response = postJson("/v1/licensees/batch", ACME, "[" + String.join(",",
                licensee(prefix + "-ok", "ok@example.org"),
                licensee(prefix + "-bad-email", "not an email"),
                licensee(prefix + "-unknown", "u@example.org").replace("}]}", "}],\"colour\":\"red\"}"),
                licensee(prefix + "-twice", "t@example.org").replace("\"givenName\":\"Jane\"", "\"givenName\":\"Jane\",\"givenName\":\"J\""),
                licensee(prefix + "-type", "t@example.org").replace("\"LMFT 1\"", "1"),
                licensee(prefix + "-ok", "other@example.org"),
                licensee(prefix + "-ok", "ok@example.org"),
                "{\"givenName\":\"No\",\"familyName\":\"Id\",\"email\":\"n@example.org\"}",
                "42") + "]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly(200, 422, 400, 400, 400, 409, 200, 422, 400);
        JsonNode results = response.json().get("results");
        assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(results.get(2).get("errors").get(0).get("message").asString()).startsWith("is not a known field");
        assertThat(results.get(3).get("errors").get(0).get("message").asString()).isEqualTo("is given more than once");
        assertThat(results.get(4).get("errors").get(0).get("field").asString()).isEqualTo("licenses[0].licenseNumber");
        assertThat(results.get(5).get("errors").get(0).get("message").asString()).contains("repeats the licenseeId of item 0");
        assertThat(results.get(7).get("errors").get(0).get("field").asString()).isEqualTo("licenseeId");
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        // The valid item is stored once (its exact repeat with it); a marker written after the batch shows the rest never were.
        putLicensee(prefix + "-marker", "m@example.org", ACME);
        awaitRecords(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().equals(prefix + "-marker"), 1);
        assertThat(readAll(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().startsWith(prefix)))
                .extracting(r -> r.value().getLicenseeId()).containsExactlyInAnyOrder(prefix + "-ok", prefix + "-marker");
    }

    @Test
    void aBatchItemNamingAnotherProvidersLicenseeIsRefusedAsTheSinglePutIsAndNothingOfItIsStored() {
        String taken = unique("taken");
        String fresh = unique("fresh");
        assertThat(putLicensee(taken, "theirs@example.org", NORTHWIND).status()).isEqualTo(200);
        Response single = putLicensee(taken, "mine@example.org", ACME);

        Response response = postJson("/v1/licensees/batch", ACME, "[" + licensee(taken, "mine@example.org") + ","
                + licensee(fresh, "fresh@example.org") + ","
                + licensee(unique("named"), "n@example.org").replace("}]}", "}],\"owner\":\"northwind\"}") + "]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly(409, 200, 403);
        assertThat(response.json().get("results").get(0).get("errors").get(0).get("message").asString())
                .isEqualTo(single.json().get("detail").asString()).doesNotContain("northwind");
        awaitRecords(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().equals(fresh), 1);
        assertThat(readAll(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().equals(taken)))
                .extracting(r -> r.value().getEmail() + " " + r.value().getOwner()).containsExactly("theirs@example.org northwind");
    }

    @Test
    void aBatchOverTheItemLimitIs413ProblemJsonAndNothingOfItIsStored() {
        String prefix = unique("over");
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            items.add("{\"licenseeId\":\"" + prefix + "-" + i + "\",\"givenName\":\"J\",\"familyName\":\"D\",\"email\":\"j@e.org\"}");
        }

        Response array = postJson("/v1/licensees/batch", ACME, "[" + String.join(",", items) + "]");
        Response ndjson = send("POST", "/v1/licensees/batch", ACME, "application/x-ndjson", String.join("\n", items));
        Response broken = postJson("/v1/licensees/batch", ACME, "[" + items.get(0) + ", {\"licenseeId\":");

        for (Response refused : List.of(array, ndjson)) {
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/payload-too-large");
            assertThat(refused.json().get("detail").asString()).contains("at most 10000 licensees");
        }
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().get("detail").asString()).contains("nothing was stored");
        putLicensee(prefix + "-marker", "m@example.org", ACME);
        awaitRecords(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().equals(prefix + "-marker"), 1);
        assertThat(readAll(LICENSEES, LicenseeProfile.class, l -> l.getLicenseeId().startsWith(prefix)))
                .extracting(r -> r.value().getLicenseeId()).containsExactly(prefix + "-marker");
    }

    @Test
    void sessionsArriveInBatchesWithTheSinglePutsRulesAndOwners() {
        String prefix = unique("sb");
        String northwinds = unique("nw");
        assertThat(send("POST", "/v1/sessions/batch", NORTHWIND, "application/x-ndjson", session(northwinds, "northwind"))
                .status()).isEqualTo(200);

        Response response = postJson("/v1/sessions/batch", ACME, "[" + String.join(",",
                session(prefix + "-0", "acme"),
                session(northwinds, "acme"),
                session(prefix + "-2", "northwind"),
                session(prefix + "-3", "acme").replace("\"creditHours\":3", "\"creditHours\":0"),
                session(prefix + "-4", "acme").replace("\"creditHours\":3", "\"creditHours\":\"3\""),
                session(prefix + "-0", "acme")) + "]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly(200, 403, 403, 422, 400, 200);
        JsonNode results = response.json().get("results");
        assertThat(results.findValues("sessionId")).extracting(JsonNode::asString)
                .containsExactly(prefix + "-0", northwinds, prefix + "-2", prefix + "-3", prefix + "-4", prefix + "-0");
        assertThat(results.get(1).get("errors").get(0).get("message").asString()).contains("belongs to provider 'northwind'");
        assertThat(results.get(3).get("errors").get(0).get("field").asString()).isEqualTo("creditHours");
        // Stored and in this instance's catalog at once: attendance may name the session.
        String licenseeId = unique("lic");
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);
        assertThat(postJson("/v1/attendance", ACME, """
                {"eventId":"%s","sessionId":"%s","licenseeId":"%s","type":"SELF_STUDY_COMPLETED","occurredAt":"2025-03-01T09:00:00Z","score":90}"""
                .formatted(unique("e"), prefix + "-0", licenseeId)).status()).isEqualTo(202);
        awaitRecords("accrue.attendance", AttendanceEvent.class, e -> e.getLicenseeId().equals(licenseeId), 1);
        assertThat(readAll(SESSIONS, Session.class, s -> s.getSessionId().startsWith(prefix)))
                .extracting(r -> r.value().getSessionId()).containsExactly(prefix + "-0");
        assertThat(readAll(SESSIONS, Session.class, s -> s.getSessionId().equals(northwinds)))
                .extracting(r -> r.value().getProviderId()).containsExactly("northwind");
    }
}
