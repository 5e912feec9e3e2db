package dev.accrue.credit.streams;

import static dev.accrue.credit.Fixtures.ENDS;
import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.Fixtures;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.Approval;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.kafka.CatalogMapper;
import dev.accrue.credit.certificate.CertificateNumber;
import dev.accrue.credit.streams.store.OpenSession;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

class CreditTopologyTest extends CreditTopologyHarness {

    @Test
    void closingASessionAwardsCreditIssuesACertificateAndUpdatesCompliance() {
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
    void aSessionIsNotFinalBeforeItsEndPlusGrace() {
        attend(joined("09:00"), left("12:00"));
        clock.set(ENDS);
        passTime(Duration.ofMinutes(29));
        assertThat(credits.isEmpty()).isTrue();
    }

    @Test
    void aSessionBecomesFinalAfterGraceAndAQuietPeriod() {
        clock.set(ENDS.plus(Duration.ofMinutes(28)));
        attend(joined("09:00"), left("12:00"));
        passTime(Duration.ofMinutes(4)); // grace over at 12:30, but attendance arrived 4 minutes ago
        assertThat(credits.isEmpty()).isTrue();
        passTime(Duration.ofMinutes(1));
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void theQuietPeriodCountsFromTheLastAttendanceEvenWhenTheStoreHadNotBeenWrittenForItYet() {
        clock.set(ENDS.plus(Duration.ofMinutes(31))); // grace over at 12:30
        java.time.Instant first = clock.instant();
        attend(joined("09:00"));
        clock.advance(Duration.ofMillis(900)); // within the open-session write step: remembered, not written yet
        attend(left("12:00"));
        org.apache.kafka.streams.state.KeyValueStore<String, OpenSession> open =
                driver.getKeyValueStore(CreditTopology.OPEN_SESSION_STORE);
        assertThat(open.get(SESSION).lastAttendanceAt()).isEqualTo(first);

        passTime(Duration.ofMinutes(5).minusMillis(900)); // quiet for 5 minutes since the first event, not the last

        assertThat(credits.isEmpty()).isTrue();
        assertThat(open.get(SESSION).lastAttendanceAt()).isEqualTo(first.plusMillis(900)); // written before deciding
        passTime(Duration.ofSeconds(5));
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void aRepeatedEventIsCreditedOnce() {
        Attendance join = joined("09:00");
        attend(join, join, left("12:00"));
        close();
        attend(join);
        assertThat(credits.readValuesToList()).hasSize(2);
        assertThat(certificates.readValuesToList()).hasSize(1);
    }

    @Test
    void aLateEventAfterFinalizationRevisesTheAwardAndTheCertificate() {
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
    void attendancePublishedAfterTheProviderClosedTheSessionIsCreditedAtOnce() {
        closeOnly(SESSION);
        clock.advance(Duration.ofSeconds(1));
        attend(joined("09:00"));
        assertThat(credits.readValuesToList()).hasSize(2);
    }

    @Test
    void certificatesCanBeFoundByNumber() {
        attend(joined("09:00"), left("12:00"));
        close();
        ValueAndTimestamp<CertificateIssued> stored = driver.<String, CertificateIssued>getTimestampedKeyValueStore(
                CreditTopology.CERTIFICATE_STORE).get(CertificateNumber.of(LICENSEE, SESSION));
        assertThat(stored.value().getLicenseeId()).isEqualTo(LICENSEE);
    }

    @Test
    void anUnreadableRecordIsRejectedWithItsPayloadAndTheStreamGoesOn() {
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
    void aStateBoardAwardNamesTheLicenceesLicencesInThatStateForTheRosterReport() {
        SessionDefinition national = Fixtures.live(3, ApprovalBody.APA);
        List<Approval> approvals = new ArrayList<>(national.approvals());
        approvals.add(new Approval(ApprovalBody.STATE_BOARD, "FL", "20-654321"));
        sessions.pipeInput(SESSION, CatalogMapper.toAvro(new SessionDefinition(national.sessionId(), national.courseId(),
                national.providerId(), national.title(), national.format(), national.startsAt(), national.endsAt(),
                national.timeZone(), national.breaks(), national.creditHours(), national.categories(), approvals,
                null, null, null, List.of()), clock.instant()));
        profile(Fixtures.licensee(Fixtures.license("CA-BBS", "LMFT", "2024-01-01", "2025-12-31", false),
                Fixtures.license("FL-491", "LMHC", "2024-04-01", "2026-03-31", false)));

        attend(joined("09:00"), left("12:00"));
        close();

        assertThat(credits.readValuesToList()).extracting(a -> a.getBody() + "/" + a.getJurisdiction(),
                        a -> a.getLicenses().stream().map(l -> l.getBoard() + " " + l.getLicenseNumber()).toList())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("APA/null", List.of()),
                        org.assertj.core.groups.Tuple.tuple("STATE_BOARD/FL", List.of("FL-491 N-FL-491")));
    }

    @Test
    void aLicenseeProfileIsEvaluatedForCompliance() {
        assertThat(compliance.readValuesToList()).singleElement().satisfies(status -> {
            assertThat(status.getBoard()).isEqualTo("CA-BBS");
            assertThat(status.getRequiredHours()).isEqualTo(36.0);
        });
    }

    @Test
    void aSessionTombstoneRemovesTheSessionFromTheGlobalStoreAndItsAttendanceIsHeldAsUnknown() {
        var store = driver.<String, byte[]>getTimestampedKeyValueStore(CreditTopology.SESSION_STORE);
        assertThat(store.get(SESSION)).isNotNull();

        sessions.pipeInput(SESSION, null, clock.instant());
        assertThat(store.get(SESSION)).isNull();

        attend(joined("09:00"));
        passTime(SETTINGS.unknownReferenceWait().plus(SETTINGS.finalizationCheckInterval()));
        assertThat(rejections.readValuesToList()).singleElement().satisfies(rejection -> assertThat(rejection.getReason())
                .startsWith("Unknown session 'sess-1', still unknown after waiting 10m"));
        assertThat(credits.isEmpty()).isTrue();
    }
}
