package dev.accrue.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every endpoint through real HTTP, with what it stored read back from the real topics. */
class IngestApiIT extends IngestItSupport {

    static final String SESSIONS = "accrue.sessions";
    static final String ATTENDANCE = "accrue.attendance";

    @BeforeEach
    void ready() {
        awaitReady();
    }

    @Test
    void aSessionIsStoredOnTheCompactedTopicKeyedBySessionId() {
        String sessionId = unique("s");

        Response put = putLiveSession(sessionId, "acme", ACME);

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("updatedAt").asString()).isNotEmpty();
        ConsumerRecord<String, Session> stored = awaitRecords(SESSIONS, Session.class,
                s -> s.getSessionId().equals(sessionId), 1).get(0);
        assertThat(stored.key()).isEqualTo(sessionId);
        assertThat(stored.value().getProviderId()).isEqualTo("acme");
        assertThat(stored.value().getStartsAt()).isEqualTo(Instant.parse("2025-03-01T17:00:00Z"));
        assertThat(stored.value().getBreaks()).hasSize(1);
    }

    @Test
    void aProviderMayWriteOnlyItsOwnSessions() {
        String sessionId = unique("s");
        assertThat(putLiveSession(sessionId, "acme", ACME).status()).isEqualTo(200);

        Response otherProvidersId = putLiveSession(unique("s"), "northwind", ACME);
        Response takeOver = putLiveSession(sessionId, "northwind", NORTHWIND);
        Response analyst = putLiveSession(unique("s"), "acme", ANALYST);
        Response anonymous = putLiveSession(unique("s"), "acme", null);
        Response admin = putLiveSession(sessionId, "acme", ADMIN);

        assertThat(otherProvidersId.status()).isEqualTo(403);
        assertThat(otherProvidersId.json().get("detail").asString()).contains("may not write sessions of provider 'northwind'");
        assertThat(takeOver.status()).isEqualTo(403);
        assertThat(takeOver.json().get("detail").asString()).contains("belongs to provider 'acme'");
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void anInvalidSessionIs422WithEveryFieldErrorAndIsNotPublished() {
        String sessionId = unique("s");

        Response response = putJson("/v1/sessions/" + sessionId, ACME, """
                {"courseId":"c","providerId":"acme","title":"T","format":"LIVE_WEBINAR","startsAt":"2025-03-01T12:00:00Z",
                 "endsAt":"2025-03-01T09:00:00Z","timeZone":"Mars/Olympus","creditHours":2,
                 "categories":[{"category":"GENERAL","hours":3}]}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("endsAt", "timeZone", "categories");
        assertThat(readAll(SESSIONS, Session.class, s -> s.getSessionId().equals(sessionId))).isEmpty();
    }

    @Test
    void aLicenseeIsStoredKeyedByItsId() {
        String licenseeId = unique("lic");

        Response put = putLicensee(licenseeId, "Jane.Doe@Example.org", ACME);

        assertThat(put.status()).isEqualTo(200);
        ConsumerRecord<String, LicenseeProfile> stored = awaitRecords("accrue.licensees", LicenseeProfile.class,
                l -> l.getLicenseeId().equals(licenseeId), 1).get(0);
        assertThat(stored.key()).isEqualTo(licenseeId);
        assertThat(stored.value().getEmail()).isEqualTo("jane.doe@example.org");
        assertThat(stored.value().getLicenses()).extracting(l -> l.getBoard()).containsExactly("CA-BBS");
    }

    @Test
    void aLicenseeBelongsToTheProviderThatRegisteredItAndOnlyItOrAnAdminMayReplaceOrNameIt() {
        String licenseeId = unique("lic");
        String northwindSession = unique("s");
        putLiveSession(northwindSession, "northwind", NORTHWIND);

        Response created = putLicensee(licenseeId, "first@example.org", ACME);
        Response takeOver = putLicensee(licenseeId, "taken@example.org", NORTHWIND);
        Response byOwner = putLicensee(licenseeId, "second@example.org", ACME);
        Response byAdmin = putLicensee(licenseeId, "third@example.org", ADMIN);
        Response attendanceByOther = postJson("/v1/attendance", NORTHWIND, event(unique("e"), northwindSession, licenseeId,
                "JOINED", "2025-03-01T09:00:00-08:00"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("owner").asString()).isEqualTo("acme");
        assertThat(takeOver.status()).isEqualTo(409);
        assertThat(takeOver.contentType()).startsWith("application/problem+json");
        assertThat(takeOver.json().get("type").asString()).endsWith("/id-unavailable");
        assertThat(takeOver.json().get("detail").asString()).contains("is not available").doesNotContain("acme");
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("owner").asString()).isEqualTo("acme");
        assertThat(attendanceByOther.status()).isEqualTo(422);
        List<LicenseeProfile> stored = awaitRecords("accrue.licensees", LicenseeProfile.class,
                l -> l.getLicenseeId().equals(licenseeId), 3).stream().map(ConsumerRecord::value).toList();
        assertThat(stored).extracting(LicenseeProfile::getEmail)
                .containsExactly("first@example.org", "second@example.org", "third@example.org");
        assertThat(stored).extracting(LicenseeProfile::getOwner).containsOnly("acme");
    }

    @Test
    void aLicenseeWithoutOwnerIsAssignedOnlyByAnAdmin() {
        String licenseeId = unique("lic");

        Response byAdmin = putLicensee(licenseeId, "jane@example.org", ADMIN);
        Response claim = putLicensee(licenseeId, "jane@example.org", NORTHWIND);
        Response assigned = putJson("/v1/licensees/" + licenseeId, ADMIN, """
                {"givenName":"Jane","familyName":"Doe","email":"jane@example.org","owner":"acme"}""");
        Response byOwner = putLicensee(licenseeId, "jane@example.org", ACME);

        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("owner").isNull()).isTrue();
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.json().get("type").asString()).endsWith("/id-unavailable");
        assertThat(assigned.json().get("owner").asString()).isEqualTo("acme");
        assertThat(byOwner.status()).isEqualTo(200);
        List<LicenseeProfile> stored = awaitRecords("accrue.licensees", LicenseeProfile.class,
                l -> l.getLicenseeId().equals(licenseeId), 3).stream().map(ConsumerRecord::value).toList();
        assertThat(stored).extracting(LicenseeProfile::getOwner).containsExactly(null, "acme", "acme");
    }

    @Test
    void anAdminAssignsTheOwnerExplicitlyAndAProviderMayNotNameAnother() {
        String licenseeId = unique("lic");
        String body = """
                {"givenName":"Jane","familyName":"Doe","email":"jane@example.org","owner":"%s"}""";

        Response assigned = putJson("/v1/licensees/" + licenseeId, ADMIN, body.formatted("acme"));
        Response byNorthwind = putLicensee(licenseeId, "jane@example.org", NORTHWIND);
        Response giveAway = putJson("/v1/licensees/" + licenseeId, ACME, body.formatted("northwind"));
        Response transferred = putJson("/v1/licensees/" + licenseeId, ADMIN, body.formatted("northwind"));
        Response keptByAdmin = putLicensee(licenseeId, "jane@example.org", ADMIN);

        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("owner").asString()).isEqualTo("acme");
        assertThat(byNorthwind.status()).isEqualTo(409);
        assertThat(giveAway.status()).isEqualTo(403);
        assertThat(giveAway.contentType()).startsWith("application/problem+json");
        assertThat(transferred.json().get("owner").asString()).isEqualTo("northwind");
        assertThat(keptByAdmin.json().get("owner").asString()).isEqualTo("northwind");
        List<LicenseeProfile> stored = awaitRecords("accrue.licensees", LicenseeProfile.class,
                l -> l.getLicenseeId().equals(licenseeId), 3).stream().map(ConsumerRecord::value).toList();
        assertThat(stored).extracting(LicenseeProfile::getOwner).containsExactly("acme", "northwind", "northwind");
    }

    @Test
    void oneAttendanceEventIs202AndKeyedByLicensee() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        String eventId = unique("e");
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);

        Response response = postJson("/v1/attendance", ACME, event(eventId, sessionId, licenseeId, "JOINED",
                "2025-03-01T09:01:00-08:00"));

        assertThat(response.status()).isEqualTo(202);
        ConsumerRecord<String, AttendanceEvent> stored = awaitRecords(ATTENDANCE, AttendanceEvent.class,
                e -> e.getEventId().equals(eventId), 1).get(0);
        assertThat(stored.key()).isEqualTo(licenseeId);
        assertThat(stored.value().getType()).isEqualTo(AttendanceType.JOINED);
        assertThat(stored.value().getSource()).isEqualTo(AttendanceSource.API);
        assertThat(stored.value().getOccurredAt()).isEqualTo(Instant.parse("2025-03-01T17:01:00Z"));
    }

    @Test
    void aConnectionIdIsStoredAndABadOneIsRefusedNamingItAndNeverStored() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        String prefix = unique("c");
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);
        String joined = event(prefix + "-ok", sessionId, licenseeId, "JOINED", "2025-03-01T09:01:00-08:00");

        Response tooLong = postJson("/v1/attendance", ACME, event(prefix + "-long", sessionId, licenseeId, "JOINED",
                "2025-03-01T09:00:00-08:00").replace("}", ",\"connectionId\":\"" + "c".repeat(129) + "\"}"));
        Response notAString = postJson("/v1/attendance", ACME, event(prefix + "-number", sessionId, licenseeId, "JOINED",
                "2025-03-01T09:00:00-08:00").replace("}", ",\"connectionId\":7}"));
        Response accepted = postJson("/v1/attendance", ACME, joined.replace("}", ",\"connectionId\":\"zoom:laptop-1\"}"));

        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("type").asString()).endsWith("/validation-failed");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("connectionId");
        assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("1 to 128 characters");
        assertThat(notAString.status()).isEqualTo(400);
        assertThat(notAString.json().get("errors").get(0).get("field").asString()).isEqualTo("connectionId");
        assertThat(accepted.status()).isEqualTo(202);
        // Same licensee, so same partition: a refused event stored earlier would be read before the accepted one.
        List<AttendanceEvent> stored = awaitRecords(ATTENDANCE, AttendanceEvent.class,
                e -> e.getEventId().startsWith(prefix), 1).stream().map(ConsumerRecord::value).toList();
        assertThat(stored).extracting(AttendanceEvent::getEventId, AttendanceEvent::getConnectionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(prefix + "-ok", "zoom:laptop-1"));
    }

    @Test
    void attendanceForUnknownReferencesOrAnotherProvidersSessionIsRefused() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);

        Response unknownSession = postJson("/v1/attendance", ACME, event(unique("e"), "no-such-session", licenseeId,
                "JOINED", "2025-03-01T09:00:00Z"));
        Response unknownLicensee = postJson("/v1/attendance", ACME, event(unique("e"), sessionId, "no-such-licensee",
                "JOINED", "2025-03-01T09:00:00Z"));
        Response otherProvider = postJson("/v1/attendance", NORTHWIND, event(unique("e"), sessionId, licenseeId,
                "JOINED", "2025-03-01T09:00:00Z"));

        assertThat(unknownSession.status()).isEqualTo(422);
        assertThat(unknownSession.json().get("type").asString()).endsWith("/unknown-reference");
        assertThat(unknownSession.json().get("errors").get(0).get("field").asString()).isEqualTo("sessionId");
        assertThat(unknownLicensee.status()).isEqualTo(422);
        assertThat(unknownLicensee.json().get("errors").get(0).get("field").asString()).isEqualTo("licenseeId");
        assertThat(otherProvider.status()).isEqualTo(403);
    }

    @Test
    void aBatchAnswersPerItemAndStoresOnlyTheValidItems() {
        String acmeSession = unique("s");
        String northwindSession = unique("s");
        String licenseeId = unique("lic");
        String prefix = unique("b");
        putLiveSession(acmeSession, "acme", ACME);
        putLiveSession(northwindSession, "northwind", NORTHWIND);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);

        Response response = postJson("/v1/attendance/batch", ACME, "[" + String.join(",",
                event(prefix + "-0", acmeSession, licenseeId, "JOINED", "2025-03-01T09:00:00-08:00"),
                event(prefix + "-1", acmeSession, licenseeId, "ARRIVED", "2025-03-01T09:00:00-08:00"),
                event(prefix + "-2", northwindSession, licenseeId, "JOINED", "2025-03-01T09:00:00-08:00"),
                event(prefix + "-3", acmeSession, "nobody", "JOINED", "2025-03-01T09:00:00-08:00"),
                "{\"eventId\":\"" + prefix + "-4\",\"colour\":\"red\"}",
                event(prefix + "-5", acmeSession, licenseeId, "LEFT", "2025-03-01T12:15:00-08:00"),
                event(prefix + "-6", acmeSession, licenseeId, "LEFT", "2025-03-01T12:15:00-08:00").replace("}", ",\"type\":\"LEFT\"}"))
                + "]");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(5);
        assertThat(body.get("results").findValues("status")).extracting(JsonNode::asInt)
                .containsExactly(202, 422, 403, 422, 400, 202, 400);
        assertThat(body.get("results").get(6).get("errors").get(0).get("message").asString()).isEqualTo("is given more than once");
        assertThat(body.get("results").get(4).get("eventId").asString()).isEqualTo(prefix + "-4");
        assertThat(body.get("results").get(1).get("errors").get(0).get("field").asString()).isEqualTo("type");
        List<ConsumerRecord<String, AttendanceEvent>> stored = awaitRecords(ATTENDANCE, AttendanceEvent.class,
                e -> e.getEventId().startsWith(prefix), 2);
        assertThat(stored).extracting(r -> r.value().getEventId()).containsExactlyInAnyOrder(prefix + "-0", prefix + "-5");
        assertThat(stored).allMatch(r -> r.key().equals(licenseeId) && r.value().getSource() == AttendanceSource.BATCH);
    }

    @Test
    void anNdjsonBatchRejectsOnlyTheBrokenLine() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        String prefix = unique("n");
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);
        String ndjson = event(prefix + "-0", sessionId, licenseeId, "JOINED", "2025-03-01T09:00:00Z") + "\n"
                + "{\"eventId\": broken\n\n"
                + event(prefix + "-2", sessionId, licenseeId, "LEFT", "2025-03-01T10:00:00Z") + "\n";

        Response response = send("POST", "/v1/attendance/batch", ACME, "application/x-ndjson", ndjson);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("results").findValues("status")).extracting(JsonNode::asInt)
                .containsExactly(202, 400, 202);
        assertThat(awaitRecords(ATTENDANCE, AttendanceEvent.class, e -> e.getEventId().startsWith(prefix), 2)).hasSize(2);
    }

    @Test
    void closingASessionIsStoredAndUnknownSessionsAre404() {
        String sessionId = unique("s");
        putLiveSession(sessionId, "acme", ACME);

        Response byOther = send("POST", "/v1/sessions/" + sessionId + "/close", NORTHWIND, null, (String) null);
        Response unknown = send("POST", "/v1/sessions/" + unique("nope") + "/close", ACME, null, (String) null);
        Response closed = send("POST", "/v1/sessions/" + sessionId + "/close", ACME, null, (String) null);

        assertThat(byOther.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(closed.status()).isEqualTo(202);
        ConsumerRecord<String, SessionClosed> stored = awaitRecords("accrue.session-closures", SessionClosed.class,
                c -> c.getSessionId().equals(sessionId), 1).get(0);
        assertThat(stored.key()).isEqualTo(sessionId);
        assertThat(stored.value().getProviderId()).isEqualTo("acme");
    }

    @Test
    void aRosterImportReportsBadRowsByLineAndReimportingAddsNoNewEventIds() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, licenseeId + "@example.org", ACME);
        String roster = """
                licenseeId,email,type,occurredAt,score,eventId
                %s,,JOINED,2025-03-01T09:00:00-08:00,,
                ,%s@example.org,LEFT,2025-03-01T12:15:00-08:00,,
                unknown-person,,JOINED,2025-03-01T09:00:00-08:00,,
                %s,,JOINED,not-a-time,,
                """.formatted(licenseeId, licenseeId, licenseeId);

        Response first = send("POST", "/v1/attendance/import?sessionId=" + sessionId + "&format=roster", ACME, "text/csv", roster);
        Response again = send("POST", "/v1/attendance/import?sessionId=" + sessionId + "&format=roster", ACME, "text/csv", roster);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("eventsAccepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("problems").findValues("line")).extracting(JsonNode::asInt).containsExactly(4, 5);
        assertThat(first.json().get("problems").findValuesAsString("kind")).containsExactly("UNMATCHED", "UNPARSEABLE");
        assertThat(again.body()).isEqualTo(first.body());
        List<ConsumerRecord<String, AttendanceEvent>> stored = awaitRecords(ATTENDANCE, AttendanceEvent.class,
                e -> e.getSessionId().equals(sessionId), 4);
        assertThat(stored.stream().map(r -> r.value().getEventId()).distinct()).hasSize(2);
        assertThat(stored).allMatch(r -> r.value().getSource() == AttendanceSource.ROSTER_CSV);
    }

    @Test
    void aZoomReportWithAReconnectBecomesJoinedAndLeftPairsMatchedByEmail() {
        String sessionId = unique("s");
        String licenseeId = unique("lic");
        String email = licenseeId + "@example.org";
        putLiveSession(sessionId, "acme", ACME);
        putLicensee(licenseeId, email, ACME);
        String report = """
                Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
                812 3456 7890,Law and Ethics,03/01/2025 08:55:03 AM,03/01/2025 12:20:40 PM,host@acme.org,206,3

                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room
                Jane Doe,%s,03/01/2025 08:58:12 AM,03/01/2025 10:15:40 AM,78,No,No
                Jane Doe,%s,03/01/2025 10:17:05 AM,03/01/2025 11:02:00 AM,45,No,No
                Jane Doe (iPhone),%s,03/01/2025 11:03:30 AM,03/01/2025 12:16:00 PM,73,No,No
                Someone Else,stranger@example.org,03/01/2025 09:00:00 AM,03/01/2025 09:30:00 AM,30,Yes,No
                """.formatted(email.toUpperCase(), email, email);

        Response first = multipart("/v1/attendance/import?sessionId=" + sessionId + "&format=zoom", report);
        Response again = multipart("/v1/attendance/import?sessionId=" + sessionId + "&format=zoom", report);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("rowsRead").asInt()).isEqualTo(4);
        assertThat(first.json().get("eventsAccepted").asInt()).isEqualTo(6);
        assertThat(first.json().get("problems").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(first.json().get("problems").get(0).get("kind").asString()).isEqualTo("UNMATCHED");
        assertThat(again.body()).isEqualTo(first.body());
        List<AttendanceEvent> stored = awaitRecords(ATTENDANCE, AttendanceEvent.class,
                e -> e.getSessionId().equals(sessionId), 12).stream().map(ConsumerRecord::value).toList();
        Set<String> ids = stored.stream().map(AttendanceEvent::getEventId).collect(Collectors.toSet());
        assertThat(ids).hasSize(6);
        List<AttendanceEvent> firstImport = stored.stream().filter(e -> e.getReceivedAt().equals(stored.get(0).getReceivedAt()))
                .sorted(java.util.Comparator.comparing(AttendanceEvent::getOccurredAt)).toList();
        assertThat(firstImport).extracting(AttendanceEvent::getType).containsExactly(AttendanceType.JOINED, AttendanceType.LEFT,
                AttendanceType.JOINED, AttendanceType.LEFT, AttendanceType.JOINED, AttendanceType.LEFT);
        assertThat(firstImport.get(0).getOccurredAt()).isEqualTo(Instant.parse("2025-03-01T16:58:12Z"));
        assertThat(firstImport).allMatch(e -> e.getLicenseeId().equals(licenseeId) && e.getSource() == AttendanceSource.ZOOM_CSV);
    }

    @Test
    void csvWithFormulasOrBrokenQuotingIsRefusedAndNothingIsStored() {
        String sessionId = unique("s");
        putLiveSession(sessionId, "acme", ACME);
        String path = "/v1/attendance/import?sessionId=" + sessionId + "&format=roster";

        Response formula = send("POST", path, ACME, "text/csv",
                "licenseeId,type,occurredAt\n@SUM(1+1)*cmd|' /C calc'!A0,JOINED,2025-03-01T09:00:00Z\n");
        Response quoting = send("POST", path, ACME, "text/csv", "licenseeId,type,occurredAt\n\"lic-1,JOINED,2025-03-01T09:00:00Z\n");
        Response notUtf8 = send("POST", path, ACME, "text/csv",
                "licenseeId,type,occurredAt\nJos\u00e9,JOINED,2025-03-01T09:00:00Z\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(formula.status()).isEqualTo(422);
        assertThat(formula.json().get("errors").get(0).get("field").asString()).isEqualTo("line 2, column 1");
        assertThat(quoting.status()).isEqualTo(400);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(readAll(ATTENDANCE, AttendanceEvent.class, e -> e.getSessionId().equals(sessionId))).isEmpty();
    }

    @Test
    void healthApiDocsSwaggerAndMetricsAreServed() {
        Response health = send("GET", "/actuator/health", ADMIN, null, (String) null);
        Response docs = send("GET", "/v3/api-docs", null, null, (String) null);
        Response swagger = send("GET", "/swagger-ui/index.html", null, null, (String) null);
        Response prometheus = send("GET", "/actuator/prometheus", ADMIN, null, (String) null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("kafka").get("details").has("clusterId")).isTrue();
        assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("catalogView").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("licenseeView").get("status").asString()).isEqualTo("UP");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/v1/attendance/batch", "/v1/attendance/import", "/v1/sessions/{sessionId}/close");
        // Batch answers are documented with the id each item really carries, not the serializer's internal shape.
        JsonNode schemas = docs.json().get("components").get("schemas");
        assertThat(schemas.get("LicenseeBatchItem").get("properties").has("licenseeId")).isTrue();
        assertThat(schemas.get("SessionBatchItem").get("properties").has("sessionId")).isTrue();
        assertThat(schemas.get("AttendanceBatchItem").get("properties").has("eventId")).isTrue();
        assertThat(docs.body()).doesNotContain("idField");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");
    }

    @Test
    void anonymousCallersAndNonAdminKeysSeeOnlyTheHealthStatusAndTheProbesStayOpen() {
        for (String key : new String[] {null, ANALYST, ACME, "not-a-key"}) {
            Response health = send("GET", "/actuator/health", key, null, (String) null);
            Response readiness = send("GET", "/actuator/health/readiness", key, null, (String) null);
            Response component = send("GET", "/actuator/health/kafka", key, null, (String) null);

            assertThat(health.status()).as(key).isEqualTo(200);
            // The probe groups' names are all the root adds; no component, no cluster id, no view sizes.
            assertThat(health.json().propertyNames()).as(key).containsOnly("status", "groups");
            assertThat(health.body()).as(key).doesNotContain("components", "clusterId", "entries", "details");
            assertThat(readiness.status()).as(key).isEqualTo(200);
            assertThat(readiness.body()).as(key).doesNotContain("components");
            assertThat(component.status()).as(key).isEqualTo(404);
        }
        assertThat(send("GET", "/actuator/health/liveness", null, null, (String) null).status()).isEqualTo(200);
    }

    private Response multipart(String path, String csv) {
        String boundary = "accrue-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"participants.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return send("POST", path, ACME, "multipart/form-data; boundary=" + boundary, body);
    }
}
