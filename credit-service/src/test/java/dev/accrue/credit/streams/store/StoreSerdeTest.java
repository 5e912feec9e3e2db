package dev.accrue.credit.streams.store;

import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static dev.accrue.credit.Fixtures.license;
import static dev.accrue.credit.Fixtures.licensee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualEvent;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.AccrualLimit;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.accrual.TranscriptLimit;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.compliance.CategoryProgress;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.compliance.ComplianceState;
import dev.accrue.credit.compliance.NotCounted;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.streams.CreditTopology;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary store format: values round-trip, values the JSON serde wrote still read, anything else fails loudly. */
class StoreSerdeTest {

    private static final Instant NOW = Instant.parse("2025-03-10T13:00:00.123456789Z");
    private static final Licensee LICENSEE = licensee(new License("CA-BBS", "LMFT", "N-CA-BBS", LocalDate.parse("2024-01-01"),
                    LocalDate.parse("2025-12-31"), false, true, Set.of(Category.TELEHEALTH, Category.HIV_AIDS)),
            license("NY-LMHC", "LMHC", "2023-02-01", "2026-01-31", true));

    @Test
    void aFinalizedAccrualWithAwardsAndACertificateRoundTrips() {
        Accrual accrual = finalizedAccrual();
        assertThat(accrual.awards()).hasSize(2);
        assertThat(accrual.certificate()).isNotNull();

        assertThat(roundTrip(StoreCodecs.accruals(), accrual)).isEqualTo(accrual);
    }

    @Test
    void anEmptyAccrualAndASelfStudyScoreRoundTrip() {
        Accrual empty = Accrual.empty("lic-1", "sess-1");
        Attendance completion = Fixtures.completed("10:00", 82.5);
        Accrual withScore = AccrualDecider.evolve(empty, new AccrualEvent.AttendanceRecorded(completion, NOW));

        assertThat(roundTrip(StoreCodecs.accruals(), empty)).isEqualTo(empty);
        assertThat(roundTrip(StoreCodecs.accruals(), withScore)).isEqualTo(withScore);
    }

    @Test
    void anAccrualAtTheFactLimitStaysAFewKilobytesAndRoundTrips() {
        Accrual finalized = finalizedAccrual();
        List<AttendanceFact> facts = new java.util.ArrayList<>();
        for (int i = 0; i < AccrualLimit.FACTS; i++) { // a reconnect every few seconds, all day
            facts.add(new AttendanceFact(i % 2 == 0 ? AttendanceType.JOINED : AttendanceType.LEFT,
                    Fixtures.at("09:00").plusMillis(i * 2_345L), null, null));
        }
        facts.add(new AttendanceFact(AttendanceType.SELF_STUDY_COMPLETED, Fixtures.at("08:00"), 82.5, null));
        facts.add(new AttendanceFact(AttendanceType.SELF_STUDY_COMPLETED, Fixtures.at("08:00"), null, null));
        Accrual full = new Accrual("lic-1", "sess-1", facts, NOW, true, finalized.awards(), finalized.certificate());

        byte[] bytes = StoreCodecs.accruals().serializer().serialize("changelog", full);

        assertThat(bytes.length).isLessThan(8 * 1024);
        assertThat(roundTrip(StoreCodecs.accruals(), full)).isEqualTo(full);
    }

    @Test
    void licenseesOpenSessionsAndTranscriptsRoundTrip() {
        OpenSession open = new OpenSession(Fixtures.ENDS, NOW);
        Transcript transcript = finalizedAccrual().awards().values().stream()
                .reduce(Transcript.empty("lic-1"), Transcript::with, (a, b) -> b);
        Licensee unnamed = new Licensee("lic-2", "Émile", "Durkheim-Ünal", null, List.of());

        assertThat(roundTrip(StoreCodecs.licensees(), LICENSEE)).isEqualTo(LICENSEE);
        assertThat(roundTrip(StoreCodecs.licensees(), unnamed)).isEqualTo(unnamed);
        assertThat(roundTrip(StoreCodecs.openSessions(), open)).isEqualTo(open);
        assertThat(roundTrip(StoreCodecs.transcripts(), transcript)).isEqualTo(transcript);
    }

    @Test
    void aFullTranscriptOfTheLargestAwardsIngestAcceptsFitsItsChangelogRecord() {
        String id = "x".repeat(128); // ids, title and approval id at ingest's limits, in 3-byte UTF-8 where free text
        List<CategoryHours> every = java.util.Arrays.stream(Category.values()).map(c -> new CategoryHours(c, 1.25)).toList();
        Transcript full = Transcript.empty(id);
        for (int i = 0; i < TranscriptLimit.AWARDS; i++) {
            String session = id.substring(4) + String.format("%04d", i);
            full = full.with(AwardBuilder.award().revision(12).licensee(id).session(session).course(id).provider(id)
                    .title("€".repeat(300)).format(Format.SELF_STUDY).body(ApprovalBody.IACET).approvalId("€".repeat(100))
                    .hours(1.5).ceu(0.15).categories(every).minutes(90, 90).at(NOW).ruleVersion("credit-2025.1").build());
        }

        byte[] binary = StoreCodecs.transcripts().serializer().serialize("changelog", full);

        // Under the 8 MB the transcript changelog takes (CreditTopology), with room for record overhead.
        assertThat(binary.length).isLessThan(6 * 1024 * 1024);
        assertThat(roundTrip(StoreCodecs.transcripts(), full)).isEqualTo(full);
    }

    @Test
    void complianceReportsRoundTrip() {
        List<ComplianceReport> reports = reports();

        assertThat(roundTrip(StoreCodecs.complianceReports(), reports)).isEqualTo(reports);
        assertThat(roundTrip(StoreCodecs.complianceReports(), List.<ComplianceReport>of())).isEmpty();
    }

    @Test
    void aValueStartsWithItsFormatByte() {
        byte[] binary = StoreCodecs.accruals().serializer().serialize("changelog", finalizedAccrual());

        assertThat(binary[0]).isEqualTo(StoreSerde.BINARY_V3);
    }

    @Test
    void connectionsRoundTripAndTwoJoinsOfOneInstantStayTwoFacts() {
        Accrual accrual = accrualWithConnections();

        assertThat(accrual.facts()).hasSize(5);
        assertThat(roundTrip(StoreCodecs.accruals(), accrual)).isEqualTo(accrual);
    }

    @Test
    void aConnectionPositionPastTheListFailsInsteadOfReadingGarbage() {
        byte[] binary = StoreCodecs.accruals().serializer().serialize("changelog", finalizedAccrual());
        // No connections: the list is empty, and the first fact's connection (after kind and time) must be 0.
        int firstConnection = 1 + 1 + "lic-1".length() + 1 + "sess-1".length() + 1 + 1 + 1 + 6;
        assertThat(binary[firstConnection]).isZero();
        binary[firstConnection] = 1;

        assertThatThrownBy(() -> StoreCodecs.accruals().deserializer().deserialize("changelog", binary))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown connection 1 of 0");
    }

    @Test
    void anUnknownFormatOrATruncatedValueFailsInsteadOfReadingGarbage() {
        Serde<Accrual> serde = StoreCodecs.accruals();
        byte[] binary = serde.serializer().serialize("changelog", finalizedAccrual());
        byte[] truncated = java.util.Arrays.copyOf(binary, binary.length - 3);
        byte[] unknown = binary.clone();
        unknown[0] = 9;

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", truncated))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", unknown))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown store value format 9");
        byte[] unknownKind = binary.clone();
        unknownKind[1 + 1 + "lic-1".length() + 1 + "sess-1".length() + 1 + 1] = 7; // the first fact's kind
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", unknownKind))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown attendance fact kind 7");
    }

    @Test
    void aStringLengthNearTheIntLimitOrAnUnknownEnumNameFailsAsASerializationError() {
        // 0x7FFFFFFF is a length of 2^31 - 2: position + length would overflow and pass a naive bounds check.
        byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'a'};
        BinaryWriter out = new BinaryWriter();
        out.writeString("PODCAST");

        assertThatThrownBy(() -> new BinaryReader(huge, 0).readString())
                .isInstanceOf(SerializationException.class).hasMessageContaining("ends early");
        assertThatThrownBy(() -> new BinaryReader(out.toBytes(), 0).readEnum(Format.class))
                .isInstanceOf(SerializationException.class).hasMessageContaining("'PODCAST'");
    }

    /**
     * Golden bytes of each layout (format 3; open sessions format 1), written when the layout was fixed: a field reordered, added or re-encoded
     * without a new format byte changes them and fails here, whereas a round trip would still pass. The values
     * come from this class's fixtures (the accrual from the rules engine at {@link #NOW}); if a fixture changes
     * on purpose, regenerate the hex, but never for a layout change.
     */
    @Test
    void eachLayoutWritesAndReadsItsGoldenBytes() {
        OpenSession open = new OpenSession(Fixtures.ENDS, NOW);
        Accrual accrual = finalizedAccrual();
        Transcript transcript = accrual.awards().values().stream()
                .reduce(Transcript.empty("lic-1"), Transcript::with, (a, b) -> b);

        assertGolden(StoreCodecs.openSessions(), open, GOLDEN_OPEN_SESSION);
        assertGolden(StoreCodecs.licensees(), LICENSEE, GOLDEN_LICENSEE);
        assertGolden(StoreCodecs.accruals(), accrual, GOLDEN_ACCRUAL);
        assertGolden(StoreCodecs.accruals(), accrualWithConnections(), GOLDEN_ACCRUAL_CONNECTIONS);
        assertGolden(StoreCodecs.transcripts(), transcript, GOLDEN_TRANSCRIPT);
        assertGolden(StoreCodecs.complianceReports(), reports(), GOLDEN_COMPLIANCE);
    }

    private static <T> void assertGolden(Serde<T> serde, T value, String golden) {
        assertThat(HexFormat.of().formatHex(serde.serializer().serialize("changelog", value)))
                .as("bytes written for %s", value.getClass().getSimpleName()).isEqualTo(golden);
        assertThat(serde.deserializer().deserialize("changelog", HexFormat.of().parseHex(golden)))
                .isEqualTo(value);
    }

    private static final String GOLDEN_OPEN_SESSION = "010180d1f6fc0c0001a089f7fc0c959aef3a";
    private static final String GOLDEN_LICENSEE = "03066c69632d3104416461094c6f76656c61636510616461406578616d706c652e6f7267020743412d424253054c4d46"
            + "54094e2d43412d4242530196b40201cabf020001020b54454c454845414c5448094849565f41494453084e592d4c4d48"
            + "43054c4d48430a4e2d4e592d4c4d484301faae020188c002010000";
    private static final String GOLDEN_ACCRUAL = "03066c69632d3107736573732d3100020080d98bf5af650001808fdd090001a089f7fc0c959aef3a0102253632326463"
            + "3137652d336336612d336231652d623232322d30376330336137663131616301066c69632d3107736573732d3109636f"
            + "757273652d310561636d651545746869637320696e2054656c656865616c74680d4c4956455f574542494e4152044150"
            + "4100084150412d313233400800000000000000020f4c41575f414e445f45544849435340000000000000000b54454c45"
            + "4845414c54483ff0000000000000aa01b4010180d1f6fc0c0001a089f7fc0c959aef3a12323032352e3140323032352d"
            + "30312d30312538373534633635332d653264372d333733322d386539622d39346565323539353064386201066c69632d"
            + "3107736573732d3109636f757273652d310561636d651545746869637320696e2054656c656865616c74680d4c495645"
            + "5f574542494e4152064941434554000a49414345542d3132334006666666666666013fd1eb851eb851ec020f4c41575f"
            + "414e445f4554484943533ffdc28f5c28f5c30b54454c454845414c54483fedc28f5c28f5c3aa01b4010180d1f6fc0c00"
            + "01a089f7fc0c959aef3a12323032352e3140323032352d30312d3031012b41432d443047322d4e5144582d304237472d"
            + "355232342d514e37302d534e34462d4b4a58332d4e36594401066c69632d310d416461204c6f76656c61636502104341"
            + "2d4242533a4e2d43412d424253124e592d4c4d48433a4e2d4e592d4c4d484307736573732d3109636f757273652d3105"
            + "61636d651545746869637320696e2054656c656865616c74680d4c4956455f574542494e415201a0a8f5fc0c000180d1"
            + "f6fc0c00022536323264633137652d336336612d336231652d623232322d303763303361376631316163010441504100"
            + "084150412d3132334008000000000000020f4c41575f414e445f45544849435340000000000000000b54454c45484541"
            + "4c54483ff00000000000002538373534633635332d653264372d333733322d386539622d393465653235393530643862"
            + "01064941434554000a49414345542d3132334006666666666666020f4c41575f414e445f4554484943533ffdc28f5c28"
            + "f5c30b54454c454845414c54483fedc28f5c28f5c301a089f7fc0c959aef3a4873686132353624626131623864643030"
            + "643536393735306431363034336262623065323961633833346135313531343366663532393161663466316233333136"
            + "39613165343230";
    private static final String GOLDEN_ACCRUAL_CONNECTIONS = "03066c69632d3107736573732d31020b7a6f6f6d2d726f772d310b7a6f6f6d2d726f772d32050080bac2f4af65010000"
            + "0200c0cf240001c08db701020180d1ca080101a089f7fc0c959aef3a000000";
    private static final String GOLDEN_TRANSCRIPT = "03066c69632d31022536323264633137652d336336612d336231652d623232322d30376330336137663131616301066c"
            + "69632d3107736573732d3109636f757273652d310561636d651545746869637320696e2054656c656865616c74680d4c"
            + "4956455f574542494e41520441504100084150412d313233400800000000000000020f4c41575f414e445f4554484943"
            + "5340000000000000000b54454c454845414c54483ff0000000000000aa01b4010180d1f6fc0c0001a089f7fc0c959aef"
            + "3a12323032352e3140323032352d30312d30312538373534633635332d653264372d333733322d386539622d39346565"
            + "323539353064386201066c69632d3107736573732d3109636f757273652d310561636d651545746869637320696e2054"
            + "656c656865616c74680d4c4956455f574542494e4152064941434554000a49414345542d313233400666666666666601"
            + "3fd1eb851eb851ec020f4c41575f414e445f4554484943533ffdc28f5c28f5c30b54454c454845414c54483fedc28f5c"
            + "28f5c3aa01b4010180d1f6fc0c0001a089f7fc0c959aef3a12323032352e3140323032352d30312d3031";
    private static final String GOLDEN_COMPLIANCE = "0301066c69632d310743412d424253054c4d4654044e2d310196b40201cabf0240420000000000004029000000000000"
            + "40290000000000004037800000000000020f4c41575f414e445f45544849435340180000000000004000000000000000"
            + "000f4c617720616e642065746869637300094849565f41494453401c000000000000401c00000000000001144849562f"
            + "4149445320286f6e652d74696d6529010104612d3204732d32064941434554003ff800000000000012424f44595f4e4f"
            + "545f41434345505445443043412d42425320646f6573206e6f74206163636570742063726564697420617070726f7665"
            + "642062792049414345540841545f5249534b0c63612d6262732d3230323401a089f7fc0c959aef3a";

    private static List<ComplianceReport> reports() {
        return List.of(new ComplianceReport("lic-1", "CA-BBS", "LMFT", "N-1",
                LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31"), 36, 12.5, 12.5, 23.5,
                List.of(new CategoryProgress(Category.LAW_AND_ETHICS, 6, 2, false, "Law and ethics", false),
                        new CategoryProgress(Category.HIV_AIDS, 7, 7, true, "HIV/AIDS (one-time)", true)),
                List.of(new NotCounted("a-2", "s-2", new ApprovalKey(ApprovalBody.IACET, null), 1.5,
                        NotCounted.Reason.BODY_NOT_ACCEPTED, "CA-BBS does not accept credit approved by IACET")),
                ComplianceState.AT_RISK, "ca-bbs-2024", NOW));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", value));
    }

    /** A 3-hour live session approved by APA and IACET, attended with a late arrival: two awards and a certificate. */
    private static Accrual finalizedAccrual() {
        SessionDefinition session = Fixtures.live(3, ApprovalBody.APA, ApprovalBody.IACET);
        CreditRuleBook rules = CreditRuleBook.load();
        Accrual state = Accrual.empty("lic-1", session.sessionId());
        for (Attendance event : List.of(withId(joined("09:10"), "evt-a"), withId(left("12:00"), "evt-b"))) {
            state = apply(state, new AccrualInput.RecordAttendance(event, session, LICENSEE), rules);
        }
        return apply(state, new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER, session, LICENSEE), rules);
    }

    /** Two devices joining in the same instant, one leaving early, and a JOINED without a connection. */
    private static Accrual accrualWithConnections() {
        Accrual state = Accrual.empty("lic-1", "sess-1");
        List<Attendance> events = List.of(withId(joined("09:00", "zoom-row-1"), "evt-1"),
                withId(joined("09:00", "zoom-row-2"), "evt-2"), withId(left("09:30", "zoom-row-2"), "evt-3"),
                withId(left("12:00", "zoom-row-1"), "evt-4"), withId(joined("09:05"), "evt-5"));
        for (Attendance event : events) {
            state = AccrualDecider.evolve(state, new AccrualEvent.AttendanceRecorded(event, NOW));
        }
        return state;
    }

    /** Fixed ids, not the fixtures' counter, so the golden bytes do not depend on which tests ran first. */
    private static Attendance withId(Attendance event, String eventId) {
        return new Attendance(eventId, event.sessionId(), event.licenseeId(), event.type(), event.occurredAt(),
                event.score(), event.connectionId());
    }

    private static Accrual apply(Accrual state, AccrualInput input, CreditRuleBook rules) {
        Accrual next = state;
        for (AccrualEvent event : AccrualDecider.decide(state, input, rules, NOW)) {
            next = AccrualDecider.evolve(next, event);
        }
        return next;
    }
}
