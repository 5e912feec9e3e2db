package dev.accrue.system;

import static dev.accrue.infra.launcher.ServiceFleet.Service.CREDIT;
import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;
import static dev.accrue.infra.launcher.ServiceFleet.Service.SEARCH;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingDouble;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Rejection;
import dev.accrue.events.Session;
import dev.accrue.infra.launcher.Component;
import dev.accrue.infra.launcher.Endpoints;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import dev.accrue.infra.launcher.StackLayout;
import dev.accrue.infra.teststack.SharedStack;
import dev.accrue.schemas.serde.ConfluentAvroDeserializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline through its public HTTP APIs, with ingest, credit and search running as separate
 * processes on the real local stack: a provider publishes a hand-built catalog of ten sessions and six
 * licensees to ingest, sends attendance (a batch, a Zoom participant report, closures and late events),
 * and the test reads back what credit decided (transcripts, compliance, certificates as JSON, PDF and a
 * verifiable credential) and what search answers (credit-hour and certificate trends, top courses,
 * formats, compliance), then checks that every Elasticsearch count equals what Kafka holds. Every
 * expected number is worked out below from the rule files (rules/credit/credit-2025.1.yaml and the
 * CA-BBS and TX-LPC board files), next to the scenario line that produces it, and the analytics
 * answers are sums over that same table. The set-up sends every event, recording on the way what the
 * pipeline answered before the late events (revision 1 of Rita's awards, Casey before her last ethics
 * hour), so each test only reads and they pass in any order. Ids and the provider id carry a per-run
 * suffix, so reruns against a shared stack do not collide; the one answer without a provider filter
 * (compliance analytics) is compared with a baseline taken before the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    private static final String ADMIN = "dev-admin-key";
    private static final String ANALYST = "dev-analyst-key";
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    /** What a credential request accepts: the VC-JWT, or a problem when there is none. */
    private static final String VC_JWT = "application/vc+jwt, application/problem+json";
    private static final String RUN = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    /** The provider of every session: unique per run, so analytics filtered by it see only this scenario. */
    private static final String PROVIDER = RUN;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Every licence's cycle ends here: more than 90 days away (ON_TRACK unless complete) and covering the sessions. */
    private static final LocalDate CYCLE_END = TODAY.plusDays(400);

    // ---------------------------------------------------------------------------------------------
    // The catalog. Live sessions are in New York time, in the past (timers fire), on distinct days.
    // ---------------------------------------------------------------------------------------------

    /** A: 09:00-15:00, no break = 360 scheduled minutes; 6 h = 2 cultural diversity + 4 general. */
    static final Course A = Course.live("cultural-humility", "Cultural Humility in Clinical Practice", "LIVE_WEBINAR",
            TODAY.minusDays(9), "09:00", "15:00", 6, Map.of("CULTURAL_DIVERSITY", 2.0, "GENERAL", 4.0),
            "APA", "IACET", "STATE_BOARD/TX");
    /** B: 09:00-12:00 = 180 minutes; 3 h general. Its attendance comes from a Zoom participant report. */
    static final Course B = Course.live("trauma-informed-care", "Trauma-Informed Care", "LIVE_WEBINAR",
            TODAY.minusDays(8), "09:00", "12:00", 3, Map.of("GENERAL", 3.0), "APA", "IACET");
    /** C: 09:00-13:30 with a break 11:00-11:30 = 270 - 30 = 240 scheduled minutes; 4 h general. */
    static final Course C = Course.live("motivational-interviewing", "Motivational Interviewing Skills", "IN_PERSON",
            TODAY.minusDays(7), "09:00", "13:30", 4, Map.of("GENERAL", 4.0), "ASWB_ACE", "IACET")
            .withBreak("11:00", "11:30");
    /** T: self-study, 3 h telehealth, passing score 75. */
    static final Course T = Course.selfStudy("telehealth-essentials", "Telehealth Essentials", 3,
            Map.of("TELEHEALTH", 3.0), 75, "APA", "NBCC");
    /** X1: 09:00-15:00 = 360 minutes; 6 h = 5 law and ethics + 1 general. */
    static final Course X1 = Course.live("law-ethics-1", "Law and Ethics I", "LIVE_WEBINAR",
            TODAY.minusDays(6), "09:00", "15:00", 6, Map.of("LAW_AND_ETHICS", 5.0, "GENERAL", 1.0), "APA", "ASWB_ACE");
    /** H: 08:00-16:00 with lunch 12:00-13:00 = 480 - 60 = 420 minutes; 7 h HIV/AIDS. */
    static final Course H = Course.live("hiv-aids-care", "HIV/AIDS Assessment and Care", "IN_PERSON",
            TODAY.minusDays(5), "08:00", "16:00", 7, Map.of("HIV_AIDS", 7.0), "APA").withBreak("12:00", "13:00");
    /** S: 09:00-15:00 = 360 minutes; 6 h suicide prevention. */
    static final Course S = Course.live("suicide-risk", "Suicide Risk Assessment", "LIVE_WEBINAR",
            TODAY.minusDays(4), "09:00", "15:00", 6, Map.of("SUICIDE_PREVENTION", 6.0), "NBCC");
    /** E: 09:00-12:00 = 180 minutes; 3 h supervision. */
    static final Course E = Course.live("supervision-update", "Clinical Supervision Update", "LIVE_WEBINAR",
            TODAY.minusDays(3), "09:00", "12:00", 3, Map.of("SUPERVISION", 3.0), "APA", "IACET");
    /** F: 13:00-14:00 = 60 minutes; 1 h general, APA only. */
    static final Course F = Course.live("risk-briefing", "Risk Management Briefing", "LIVE_WEBINAR",
            TODAY.minusDays(3), "13:00", "14:00", 1, Map.of("GENERAL", 1.0), "APA");
    /** X2: 09:00-10:00 = 60 minutes; 1 h law and ethics: the last ethics hour Casey needs. */
    static final Course X2 = Course.live("law-ethics-2", "Law and Ethics II: Updates", "LIVE_WEBINAR",
            TODAY.minusDays(2), "09:00", "10:00", 1, Map.of("LAW_AND_ETHICS", 1.0), "APA", "NBCC");
    /**
     * FL1: 09:00-12:00 = 180 minutes; 3 h ethics and boundaries, approved by APA and the Florida board (CE Broker
     * course and provider tracking numbers). The provider allows 5 minutes late, not APA's 15.
     */
    static final Course FL1 = Course.live("fl-ethics-boundaries", "Ethics and Boundaries for Florida Clinicians",
            "LIVE_WEBINAR", TODAY.minusDays(10), "09:00", "12:00", 3, Map.of("ETHICS_AND_BOUNDARIES", 3.0),
            "APA", "STATE_BOARD/FL").withToleranceMinutes(5);
    static final String FLORIDA_COURSE_NUMBER = "20-771204";
    static final String FLORIDA_PROVIDER_NUMBER = "50-4411";
    static final List<Course> CATALOG = List.of(A, B, C, T, X1, H, S, E, F, X2, FL1);
    /** The run's provider as its certificates present it, with the Texas board's mandated statement. */
    static final Map<String, Object> PROVIDER_PROFILE = Map.of("name", "Ridgeway Counseling Institute",
            "address", "12 Elm Street\nAustin, TX 78701", "signerName", "Morgan Hale", "signerTitle", "CE Director",
            "approvals", List.of(Map.of("body", "STATE_BOARD", "jurisdiction", "TX", "providerNumber", "TX-4411",
                    "statement", "This course is approved by the Texas State Board of Examiners of Professional"
                            + " Counselors for continuing education credit.")));

    // ---------------------------------------------------------------------------------------------
    // The licensees, one licence each.
    // ---------------------------------------------------------------------------------------------

    static final Person LEE = new Person("lee", "Lee", "Late", "TX-LPC", "LPC", 2);
    static final Person ZOE = new Person("zoe", "Zoe", "Zoom", "NY-LMHC", "LMHC", 3);
    static final Person BREE = new Person("bree", "Bree", "Break", "FL-491", "LCSW", 2);
    static final Person SAM = new Person("sam", "Sam", "Selfstudy", "OH-CSWMFT", "LISW", 2);
    static final Person RITA = new Person("rita", "Rita", "Revised", "CA-BBS", "LCSW", 2);
    static final Person CASEY = new Person("casey", "Casey", "Complete", "CA-BBS", "LMFT", 2);
    static final Person FLO = new Person("flo", "Flo", "Florida", "FL-491", "LMHC", 2);
    static final List<Person> PEOPLE = List.of(LEE, ZOE, BREE, SAM, RITA, CASEY, FLO);

    // ---------------------------------------------------------------------------------------------
    // Expected credit, from rules/credit/credit-2025.1.yaml: APA all-or-nothing with 15 missed minutes
    // allowed, ASWB_ACE and NBCC 10; IACET partial, floor(minutes / 6) / 10 h, CEU = h / 10; STATE_BOARD
    // partial in whole 30-minute steps; self-study: creditHours per body at the first score >= 75.
    // Category hours of a partial award scale by awarded / creditHours, rounded down to 0.01 h.
    // ---------------------------------------------------------------------------------------------

    // Lee arrives at 09:20 for A and stays to 15:00: 360 - 20 = 340 attended, 20 missed.
    static final double LEE_A_APA = 0;            // 20 missed > 15 allowed: nothing, so no APA award exists at all
    static final double LEE_A_IACET = 5.6;        // floor(340 / 6) / 10 = 56 / 10 = 5.6 h
    static final double LEE_A_IACET_CEU = 0.56;   // 5.6 / 10
    static final double LEE_A_STATE = 5.5;        // floor(340 / 30) = 11 steps * 30 = 330 min = 5.5 h
    static final double LEE_A_IACET_CULTURAL = 1.86; // 2 h * 5.6 / 6 = 1.866 -> 1.86
    static final double LEE_A_IACET_GENERAL = 3.73;  // 4 h * 5.6 / 6 = 3.733 -> 3.73
    static final double LEE_A_STATE_CULTURAL = 1.83; // 2 h * 5.5 / 6 = 1.833 -> 1.83
    static final double LEE_A_STATE_GENERAL = 3.66;  // 4 h * 5.5 / 6 = 3.666 -> 3.66
    // TX-LPC (24 h, 6 ethics, 3 cultural diversity, the human-trafficking course and the jurisprudence exam):
    // A counts once, with its largest award (IACET 5.6 > 5.5).
    static final double TX_LPC_CYCLE_HOURS = 24;
    static final double TX_LPC_ETHICS = 6;
    static final double TX_LPC_CULTURAL = 3;
    static final double TX_LPC_HUMAN_TRAFFICKING = 1;
    static final double TX_LPC_JURISPRUDENCE = 1;
    static final double LEE_TX_EARNED = LEE_A_IACET;                         // 5.6
    static final double LEE_TX_REMAINING = 18.4;                             // 24 - 5.6
    static final double LEE_TX_CULTURAL = LEE_A_IACET_CULTURAL;              // 1.86 of 3

    // Zoe's Zoom rows for B: 08:58:10-10:30:00 and, reconnected on a second device before the first
    // dropped, 10:20:00-11:30:00. Union clipped to the session: 09:00-11:30 = 150 attended, 30 missed
    // (adding the rows up would give 90 + 70 = 160).
    static final double ZOE_B_APA = 0;            // 30 missed > 15: nothing
    static final double ZOE_B_IACET = 2.5;        // floor(150 / 6) / 10 = 2.5 h (double-counted 160 min: 2.6 h)
    static final double ZOE_B_IACET_CEU = 0.25;

    // Bree is at C from 08:57 and leaves at 12:30 on her laptop: present 09:00-12:30 = 210 min, minus the 30-min
    // break = 180 attended of 240, 60 missed. Her phone joins at 09:10 and its LEFT is lost: a lost LEFT counts
    // only up to her last event (12:30), so it adds nothing. (Counted to the session end, it would give her all
    // 240 minutes: ASWB 4 and IACET 4.0.)
    static final double BREE_C_ASWB = 0;          // 60 missed > 10: nothing
    static final double BREE_C_IACET = 3.0;       // floor(180 / 6) / 10 = 3.0 h (with the break counted, 210 min: 3.5 h)
    static final double BREE_C_IACET_CEU = 0.3;

    // Sam's post-tests for T: 60 on day -7 (fails, below 75), 85 on day -6 (first pass: counts),
    // 95 on day -5 (a later pass: changes nothing).
    static final double SAM_T_PER_BODY = 3;       // creditHours for each of APA and NBCC, once
    static final Instant SAM_FAIL_AT = TODAY.minusDays(7).atTime(18, 0).toInstant(ZoneOffset.UTC);
    static final Instant SAM_PASS_AT = TODAY.minusDays(6).atTime(18, 0).toInstant(ZoneOffset.UTC);
    static final Instant SAM_REPASS_AT = TODAY.minusDays(5).atTime(18, 0).toInstant(ZoneOffset.UTC);

    // Rita joins E at 08:55 and F at 12:58 and sends no LEFT; the provider closes both sessions, so her
    // presence runs to endsAt: E 180 of 180 minutes, F 60 of 60.
    static final double RITA_E_APA_FIRST = 3;     // nothing missed: full 3 h
    static final double RITA_E_IACET_FIRST = 3.0; // floor(180 / 6) / 10 = 3.0 h, capped at 3
    static final double RITA_E_IACET_CEU_FIRST = 0.3;
    static final double RITA_F_APA_FIRST = 1;     // full 1 h
    static final double RITA_CA_EARNED_FIRST = 4; // E counts once (largest: 3) + F 1
    // Then her LEFT events arrive after finalization: E at 11:20 (140 attended, 40 missed), F at 13:30
    // (30 attended, 30 missed). Each changed outcome is revision 2 of the same award.
    static final double RITA_E_APA = 0;           // 40 missed > 15: revoked
    static final double RITA_E_IACET = 2.3;       // floor(140 / 6) / 10 = 23 / 10 = 2.3 h
    static final double RITA_E_IACET_CEU = 0.23;
    static final double RITA_F_APA = 0;           // 30 missed > 15: revoked; it was the certificate's only award,
                                                  // so the certificate is revoked too
    static final double RITA_CA_EARNED = 0;       // only E's IACET 2.3 is left, and CA-BBS does not accept IACET

    // Flo joins FL1 at 09:08 on her laptop and stays to 12:00: 172 attended, 8 missed. The provider allows 5 minutes
    // (rule 7): APA's own 15 would give her 3 h. Her phone's visit 08:59-09:10 arrives after finalization (the
    // late events): the union is then all 180 minutes, so both awards are revised to full credit.
    static final double FLO_FL1_STATE_FIRST = 2.5;  // floor(172 / 30) = 5 steps = 2.5 h; no APA award (8 > 5)
    static final double FLO_FL1_STATE = 3;          // revision 2
    static final double FLO_FL1_APA = 3;            // revision 1: nothing missed
    // FL-491 (30 h, 3 ethics and boundaries, 2 medical errors from the board's providers): FL1 counts once, 3 h,
    // and its content meets Florida's ethics-and-boundaries minimum (rule 2).
    static final double FL_491_CYCLE_HOURS = 30;
    static final double FL_491_ETHICS_AND_BOUNDARIES = 3;

    // Casey attends everything in full (Zoom rows for B: a laptop 08:59:30-10:00:00 and a phone joining the same
    // second and staying to 12:01:00, two connections, so the laptop leaving does not end her presence; post-test
    // 90 for T on day -8):
    // every body grants creditHours. CA-BBS (36 h per cycle, 6 law and ethics every cycle, one-time
    // 7 HIV/AIDS, 6 suicide prevention, 3 telehealth) counts each session once, with its largest award.
    static final double CA_BBS_CYCLE_HOURS = 36;
    static final double CA_BBS_ETHICS = 6;
    static final double CA_BBS_HIV_AIDS = 7;
    static final double CA_BBS_SUICIDE_PREVENTION = 6;
    static final double CA_BBS_TELEHEALTH = 3;
    static final double CASEY_EARNED_BEFORE_X2 = 35;  // A 6 + B 3 + C 4 + T 3 + X1 6 + H 7 + S 6
    static final double CASEY_ETHICS_BEFORE_X2 = 5;   // X1's law and ethics
    static final double CASEY_EARNED_AFTER_X2 = 36;   // + X2 1 h: all 36 hours ...
    static final double CASEY_ETHICS_AFTER_X2 = 6;    // ... and the 6th ethics hour land together
    static final Instant CASEY_T_PASS_AT = TODAY.minusDays(8).atTime(20, 0).toInstant(ZoneOffset.UTC);

    /** Every award's final revision; the analytics answers are sums over this table. */
    static final List<Award> FINAL_AWARDS = List.of(
            new Award(LEE, A, "IACET", LEE_A_IACET, LEE_A_IACET_CEU, 1, A.day()),
            new Award(LEE, A, "STATE_BOARD", LEE_A_STATE, null, 1, A.day()),
            new Award(ZOE, B, "IACET", ZOE_B_IACET, ZOE_B_IACET_CEU, 1, B.day()),
            new Award(BREE, C, "IACET", BREE_C_IACET, BREE_C_IACET_CEU, 1, C.day()),
            new Award(SAM, T, "APA", SAM_T_PER_BODY, null, 1, day(SAM_PASS_AT)),
            new Award(SAM, T, "NBCC", SAM_T_PER_BODY, null, 1, day(SAM_PASS_AT)),
            new Award(RITA, E, "APA", RITA_E_APA, null, 2, E.day()),
            new Award(RITA, E, "IACET", RITA_E_IACET, RITA_E_IACET_CEU, 2, E.day()),
            new Award(RITA, F, "APA", RITA_F_APA, null, 2, F.day()),
            new Award(CASEY, A, "APA", 6, null, 1, A.day()),
            new Award(CASEY, A, "IACET", 6.0, 0.6, 1, A.day()),          // 360 / 6 / 10 = 6.0, CEU 0.6
            new Award(CASEY, A, "STATE_BOARD", 6, null, 1, A.day()),     // 12 steps = 6 h
            new Award(CASEY, B, "APA", 3, null, 1, B.day()),
            new Award(CASEY, B, "IACET", 3.0, 0.3, 1, B.day()),
            new Award(CASEY, C, "ASWB_ACE", 4, null, 1, C.day()),
            new Award(CASEY, C, "IACET", 4.0, 0.4, 1, C.day()),          // 240 / 6 / 10 = 4.0
            new Award(CASEY, T, "APA", 3, null, 1, day(CASEY_T_PASS_AT)),
            new Award(CASEY, T, "NBCC", 3, null, 1, day(CASEY_T_PASS_AT)),
            new Award(CASEY, X1, "APA", 6, null, 1, X1.day()),
            new Award(CASEY, X1, "ASWB_ACE", 6, null, 1, X1.day()),
            new Award(CASEY, H, "APA", 7, null, 1, H.day()),
            new Award(CASEY, S, "NBCC", 6, null, 1, S.day()),
            new Award(CASEY, X2, "APA", 1, null, 1, X2.day()),
            new Award(CASEY, X2, "NBCC", 1, null, 1, X2.day()),
            new Award(FLO, FL1, "APA", FLO_FL1_APA, null, 1, FL1.day()),
            new Award(FLO, FL1, "STATE_BOARD", FLO_FL1_STATE, null, 2, FL1.day()));

    // Sums over the table, spelled out as a check on the table itself.
    // Per day: 6 (FL1: Flo 3 + 3) + 29.1 (A: Lee 5.6 + 5.5, Casey 3 * 6) + 14.5 (B: Zoe 2.5, Casey 3 + 3; Casey's T 3 + 3)
    // + 11 (C: Bree 3, Casey 4 + 4) + 18 (X1: Casey 6 + 6; Sam's T 3 + 3) + 7 (H) + 6 (S) + 2.3 (E, F) + 2 (X2)
    static final double TOTAL_CREDIT_HOURS = 95.9;
    static final int AWARD_IDS = 26;               // one per (licensee, session, body) ever above 0:
                                                   // Lee 2 + Zoe 1 + Bree 1 + Sam 2 + Rita 3 + Casey 15 + Flo 2
    static final int AWARDS_EARNING = 24;          // minus Rita's revoked APA awards for E and F
    static final int AWARD_REVISIONS = 30;         // 26 first revisions + Rita's three revisions 2 + Flo's Florida 2
    static final int CERTIFICATES = 15;            // one per (licensee, session) with an award:
                                                   // Lee 1 + Zoe 1 + Bree 1 + Sam 1 + Rita 2 + Casey 8 + Flo 1
    static final int CERTIFICATES_REVOKED = 1;     // Rita's F
    static final int CERTIFICATE_REVISIONS = 18;   // 15 + revisions 2 of Rita's E and F and of Flo's FL1
    // Distinct licensees with a JOINED or SELF_STUDY_COMPLETED event, per format.
    static final long LIVE_WEBINAR_ATTENDEES = 5;  // Lee (A), Zoe (B), Rita (E, F), Casey, Flo (FL1)
    static final long IN_PERSON_ATTENDEES = 2;     // Bree (C), Casey
    static final long SELF_STUDY_ATTENDEES = 2;    // Sam, Casey

    // ---------------------------------------------------------------------------------------------

    private Endpoints endpoints;
    private ServiceFleet fleet;
    private ServiceClients api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> sentEventIds = new LinkedHashSet<>();
    private int zoomEvents;
    private Map<String, Map<String, Long>> complianceBaseline;
    private BeforeLateEvents beforeLateEvents;

    /** What the pipeline answered before Rita's late LEFT events and Casey's last ethics session. */
    private record BeforeLateEvents(String certificateE, String certificateF, String credentialE1,
            String credentialF1, JsonNode verifiedE1, JsonNode verifiedF1, JsonNode firstFloridaRoster) {
    }

    @BeforeAll
    void startTheStackAndTheServicesAndPublishTheScenario() {
        endpoints = SharedStack.start(Component.KAFKA, Component.SCHEMA_REGISTRY, Component.ELASTICSEARCH);
        fleet = ServiceFleet.ephemeralPorts(StackLayout.locate());
        // Logs and the credit service's Kafka Streams state go to a folder of this run's own.
        Path workDir = Path.of("target", "e2e", RUN).toAbsolutePath();
        fleet.start(endpoints, workDir, List.of(ServiceFleet.Service.values()), List.of());
        api = new ServiceClients(fleet);

        complianceBaseline = complianceAnalytics();
        assertThat(api.put(INGEST, "/v1/providers/" + PROVIDER, "dev-provider-acme-key", PROVIDER_PROFILE).status())
                .as("only an ADMIN vouches for a provider's approvals").isEqualTo(403);
        ingest(() -> api.put(INGEST, "/v1/providers/" + PROVIDER, ADMIN, PROVIDER_PROFILE));
        CATALOG.forEach(this::publish);
        PEOPLE.forEach(this::publish);
        eventually(() -> PEOPLE.forEach(p -> assertThat(api.get(CREDIT, "/v1/licensees/" + p.id() + "/transcript", ADMIN)
                .status()).as("credit knows %s", p.id()).isEqualTo(200)));
        sendAttendance();
        beforeLateEvents = observeFirstRevisions();
        sendLateEvents();
    }

    @AfterAll
    void stopTheServices() {
        if (fleet != null) {
            fleet.close();
        }
    }

    /** Everything but Rita's late LEFT events and Casey's last ethics session, which later tests send. */
    private void sendAttendance() {
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.addAll(List.of(joined(LEE, A, "09:20"), left(LEE, A, "15:00")));
        batch.addAll(List.of(connected(joined(BREE, C, "08:57"), "laptop"), connected(left(BREE, C, "12:30"), "laptop"),
                connected(joined(BREE, C, "09:10"), "phone"))); // the phone's LEFT is lost
        batch.addAll(List.of(completed(SAM, T, SAM_FAIL_AT, 60), completed(SAM, T, SAM_PASS_AT, 85),
                completed(SAM, T, SAM_REPASS_AT, 95)));
        batch.addAll(List.of(joined(RITA, E, "08:55"), joined(RITA, F, "12:58")));
        batch.addAll(List.of(connected(joined(FLO, FL1, "09:08"), "laptop"), connected(left(FLO, FL1, "12:00"), "laptop")));
        batch.addAll(List.of(joined(CASEY, A, "08:55"), left(CASEY, A, "15:02"),
                joined(CASEY, C, "08:50"), left(CASEY, C, "13:31"),
                completed(CASEY, T, CASEY_T_PASS_AT, 90),
                joined(CASEY, X1, "08:59"), left(CASEY, X1, "15:00"),
                joined(CASEY, H, "07:55"), left(CASEY, H, "16:05"),
                joined(CASEY, S, "09:00"), left(CASEY, S, "15:00")));
        sendBatch(batch);

        String zoomReport = String.join("\n",
                "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
                zoomRow("Zoe Zoom", ZOE.email(), B, "08:58:10", "10:30:00"),
                zoomRow("Zoe Zoom (iPad)", ZOE.email(), B, "10:20:00", "11:30:00"),
                zoomRow("Casey Complete", CASEY.email(), B, "08:59:30", "10:00:00"),
                zoomRow("Casey Complete (iPhone)", CASEY.email(), B, "08:59:30", "12:01:00"),
                zoomRow("Guest Viewer", "", B, "09:05:00", "10:00:00"));
        JsonNode imported = ingest(() -> api.postRaw(INGEST, "/v1/attendance/import?sessionId=" + B.id() + "&format=zoom",
                ADMIN, "text/csv", zoomReport + "\n"));
        assertThat(imported.get("rowsRead").asInt()).isEqualTo(5);
        assertThat(imported.get("eventsAccepted").asInt()).as("a JOINED and a LEFT per matched row").isEqualTo(8);
        assertThat(imported.get("problems")).hasSize(1);
        assertThat(imported.get("problems").get(0).get("kind").asText()).isEqualTo("UNMATCHED");
        zoomEvents = imported.get("eventsAccepted").asInt();

        // Rita's sessions are closed by their provider: credit for them is final at once. The other sessions are
        // finalized by the local profile's timers (ended days ago, then 3 s without attendance). Closures travel on
        // their own topic, so credit may see one before the attendance sent just ahead of it; only sessions whose
        // credit is the same for every prefix of each attendee's events (a JOINED, or a LEFT at or after the end)
        // are closed here, so the outcome does not depend on that race.
        close(E);
        close(F);
    }

    /**
     * Waits for revision 1 of Rita's awards and certificates and for Casey's standing before her last ethics
     * hour, and keeps the credentials issued for revision 1: the tests compare the final state with these.
     */
    private BeforeLateEvents observeFirstRevisions() {
        eventually(() -> assertThat(transcript(RITA)).containsExactlyInAnyOrder(
                new Line(E.id(), "APA", RITA_E_APA_FIRST, null, 1),
                new Line(E.id(), "IACET", RITA_E_IACET_FIRST, RITA_E_IACET_CEU_FIRST, 1),
                new Line(F.id(), "APA", RITA_F_APA_FIRST, null, 1)));
        eventually(() -> assertThat(standing(RITA).earned()).isEqualTo(RITA_CA_EARNED_FIRST));
        JsonNode first = transcriptJson(RITA);
        String certificateE = entry(first, E, "APA").get("certificateId").asText();
        String certificateF = entry(first, F, "APA").get("certificateId").asText();
        eventually(() -> assertThat(certificate(certificateE).get("revision").asInt()).isEqualTo(1));
        eventually(() -> assertThat(certificate(certificateF).get("revision").asInt()).isEqualTo(1));
        String credentialE1 = credential(certificateE);
        String credentialF1 = credential(certificateF);
        eventually(() -> assertThat(standing(CASEY)).isEqualTo(caBbs(CASEY_EARNED_BEFORE_X2, CASEY_ETHICS_BEFORE_X2,
                "ON_TRACK")));
        // Flo's first outcome: the provider's 5 minutes, not APA's 15, so no APA award; and the Florida board's partial
        // credit, reported to CE Broker by the first roster export, made once search has the award (204 before).
        eventually(() -> assertThat(transcript(FLO)).containsExactly(
                new Line(FL1.id(), "STATE_BOARD", FLO_FL1_STATE_FIRST, null, 1)));
        AtomicReference<JsonNode> firstRoster = new AtomicReference<>();
        eventually(() -> {
            ServiceClients.Response made = api.post(SEARCH, rosterExports(FL1, "FL"), ADMIN, Map.of());
            assertThat(made.status()).as("roster export: %s", made.body()).isEqualTo(201);
            firstRoster.set(made.body());
        });
        return new BeforeLateEvents(certificateE, certificateF, credentialE1, credentialF1,
                verify(credentialE1), verify(credentialF1), firstRoster.get());
    }

    /** Rita's LEFT events, after her sessions were finalized, and Casey's last ethics session. */
    private void sendLateEvents() {
        sendBatch(List.of(left(RITA, E, "11:20"), left(RITA, F, "13:30")));
        sendBatch(List.of(connected(joined(FLO, FL1, "08:59"), "phone"), connected(left(FLO, FL1, "09:10"), "phone")));
        sendBatch(List.of(joined(CASEY, X2, "08:58"), left(CASEY, X2, "10:01"))); // 60 of 60 minutes: APA 1, NBCC 1
        close(X2);
    }

    @Test
    void aFloridaProvidersStricterToleranceFloridasOwnCategoriesAndItsCeBrokerRosterWithACorrection() {
        // Rule 7: APA gave nothing while Flo was 8 minutes late under the provider's 5; her phone's late visit
        // made her present throughout, and both bodies give full credit.
        eventually(() -> assertThat(transcript(FLO)).containsExactlyInAnyOrderElementsOf(expectedTranscript(FLO)));
        // Rule 2: the course's ethics-and-boundaries content meets Florida's own category; the session counts once.
        eventually(() -> assertThat(standing(FLO)).satisfies(s -> {
            assertThat(s.board()).isEqualTo("FL-491");
            assertThat(s.counted()).isEqualTo(FLO_FL1_APA);
            assertThat(s.remaining()).isEqualTo(FL_491_CYCLE_HOURS - FLO_FL1_APA);
            assertThat(s.categories()).containsEntry("ETHICS_AND_BOUNDARIES",
                    new Progress(FL_491_ETHICS_AND_BOUNDARIES, FL_491_ETHICS_AND_BOUNDARIES));
        }));

        // The first export told CE Broker of Flo's partial credit, under the Florida numbers of the approval.
        JsonNode first = beforeLateEvents.firstFloridaRoster();
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("providerNumber").asText()).isEqualTo(FLORIDA_PROVIDER_NUMBER);
        assertThat(first.get("courseNumber").asText()).isEqualTo(FLORIDA_COURSE_NUMBER);
        assertThat(first.get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("action").asText()).isEqualTo("NEW");
            assertThat(change.at("/now/licenseNumber").asText()).isEqualTo(FLO.licenseNumber());
            assertThat(change.at("/now/licenseType").asText()).isEqualTo("LMHC");
            assertThat(change.at("/now/hours").asDouble()).isEqualTo(FLO_FL1_STATE_FIRST);
            assertThat(change.at("/now/fullCredit").asBoolean()).isFalse();
            assertThat(change.at("/now/completionDate").asText()).isEqualTo(FL1.day().toString());
        });

        // The revision reaches the board in the next export as a correction, not as a second completion.
        AtomicReference<JsonNode> second = new AtomicReference<>();
        eventually(() -> {
            ServiceClients.Response made = api.post(SEARCH, rosterExports(FL1, "FL"), ADMIN, Map.of());
            assertThat(made.status()).as("roster export: %s", made.body()).isEqualTo(201);
            second.set(made.body());
        });
        assertThat(second.get().get("number").asInt()).isEqualTo(2);
        assertThat(second.get().get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("action").asText()).isEqualTo("CORRECTION");
            assertThat(change.at("/reported/hours").asDouble()).isEqualTo(FLO_FL1_STATE_FIRST);
            assertThat(change.at("/now/hours").asDouble()).isEqualTo(FLO_FL1_STATE);
            assertThat(change.at("/now/fullCredit").asBoolean()).isTrue();
        });
        HttpResponse<byte[]> changes = raw(SEARCH, rosterExports(FL1, "FL") + "/2/changes.csv", "text/csv");
        assertThat(new String(changes.body(), StandardCharsets.UTF_8).lines()).anySatisfy(line ->
                assertThat(line).startsWith("CORRECTION," + FLO.id() + ",FL-491," + FLO.licenseNumber() + ",LMHC,"));
        // Nothing left to tell the board: no third export.
        assertThat(api.post(SEARCH, rosterExports(FL1, "FL"), ADMIN, Map.of()).status()).isEqualTo(204);
    }

    private static String rosterExports(Course course, String state) {
        return "/v1/reports/ce-broker/" + course.id() + "/" + state;
    }

    @Test
    void lateArrivalZoomReconnectBreakLostLeftAndSelfStudyEarnExactlyWhatTheRulesGive() {
        for (Person person : List.of(LEE, ZOE, BREE, SAM)) {
            eventually(() -> assertThat(transcript(person)).as("transcript of %s", person.key)
                    .containsExactlyInAnyOrderElementsOf(expectedTranscript(person)));
        }
        // The exact transcripts hold no APA award for Lee or Zoe and no ASWB award for Bree: an award that
        // never rose above 0 (LEE_A_APA, ZOE_B_APA, BREE_C_ASWB) is never issued.

        JsonNode lee = transcriptJson(LEE);
        assertThat(categories(entry(lee, A, "IACET")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "CULTURAL_DIVERSITY", LEE_A_IACET_CULTURAL, "GENERAL", LEE_A_IACET_GENERAL));
        assertThat(entry(lee, A, "STATE_BOARD").get("jurisdiction").asText()).isEqualTo("TX");
        assertThat(categories(entry(lee, A, "STATE_BOARD")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "CULTURAL_DIVERSITY", LEE_A_STATE_CULTURAL, "GENERAL", LEE_A_STATE_GENERAL));

        // Only the first passing completion counts: completed at the 85, not the 60 or the 95.
        JsonNode sam = transcriptJson(SAM);
        for (String body : List.of("APA", "NBCC")) {
            assertThat(Instant.parse(entry(sam, T, body).get("completedAt").asText())).isEqualTo(SAM_PASS_AT);
        }

        // TX-LPC counts A once, with its largest award, and takes its scaled category hours.
        eventually(() -> assertThat(standing(LEE)).isEqualTo(new Standing("TX-LPC", TX_LPC_CYCLE_HOURS, LEE_TX_EARNED,
                LEE_TX_EARNED, LEE_TX_REMAINING, Map.of(
                        "ETHICS", new Progress(0, TX_LPC_ETHICS),
                        "CULTURAL_DIVERSITY", new Progress(LEE_TX_CULTURAL, TX_LPC_CULTURAL),
                        "HUMAN_TRAFFICKING", new Progress(0, TX_LPC_HUMAN_TRAFFICKING),
                        "JURISPRUDENCE", new Progress(0, TX_LPC_JURISPRUDENCE)),
                "ON_TRACK")));
    }

    @Test
    void aLateLeftAfterFinalizationRevisesTheAwardAndItsCredentialStopsVerifying() {
        BeforeLateEvents before = beforeLateEvents;
        String certificateE = before.certificateE();
        String certificateF = before.certificateF();
        String credentialE1 = before.credentialE1();
        String credentialF1 = before.credentialF1();
        assertThat(before.verifiedE1().get("valid").asBoolean()).as("revision 1 of E verified").isTrue();
        assertThat(before.verifiedF1().get("valid").asBoolean()).as("revision 1 of F verified").isTrue();

        // Revision 2: E's APA award revoked, E's IACET award down to 2.3 h; F's only award revoked.
        eventually(() -> assertThat(transcript(RITA)).containsExactly(
                new Line(E.id(), "IACET", RITA_E_IACET, RITA_E_IACET_CEU, 2)));
        eventually(() -> assertThat(standing(RITA).earned()).isEqualTo(RITA_CA_EARNED));

        eventually(() -> {
            JsonNode e = certificate(certificateE);
            assertThat(e.get("revision").asInt()).isEqualTo(2);
            assertThat(certifiedAwards(e)).containsExactly(Map.entry("IACET", RITA_E_IACET));
            assertThat(e.get("awards").get(0).get("awardRevision").asInt()).isEqualTo(2);
        });
        JsonNode superseded = verify(credentialE1);
        assertThat(superseded.get("valid").asBoolean()).isFalse();
        assertThat(superseded.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("currentRevision").asInt()).isEqualTo(2);
        String credentialE2 = credential(certificateE);
        assertThat(verify(credentialE2).get("status").asText()).isEqualTo("VALID");
        assertThat(credentialSubject(credentialE2).get("creditsEarned").asDouble()).isEqualTo(RITA_E_IACET);

        eventually(() -> {
            JsonNode f = certificate(certificateF);
            assertThat(f.get("revision").asInt()).isEqualTo(2);
            assertThat(f.get("awards")).as("a certificate with no awards is revoked").isEmpty();
        });
        JsonNode revoked = verify(credentialF1);
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(raw(CREDIT, "/v1/certificates/" + certificateF + "/credential", VC_JWT).statusCode())
                .as("no credential is issued for a revoked certificate").isEqualTo(410);

        // Anyone holding the printed revision 1 (its QR code) sees, without a key, that it no longer stands.
        assertThat(publicPage("/verify/" + certificateE + "?revision=1")).contains(">Revised</h1>", "Rita Revised");
        assertThat(publicPage("/verify/" + certificateF + "?revision=1")).contains(">Revoked</h1>");
    }

    @Test
    void eachBoardCountsOnlyTheCreditItAcceptsAndSaysWhyTheRestDoesNot() {
        // CA-BBS accepts neither IACET nor another state's board; a session it counts once lists its other approvals.
        eventually(() -> assertThat(notCounted(CASEY)).contains(
                Map.entry(awardId(CASEY, A, "IACET"), "BODY_NOT_ACCEPTED: CA-BBS does not accept credit approved by IACET"),
                Map.entry(awardId(CASEY, A, "STATE_BOARD"),
                        "BODY_NOT_ACCEPTED: CA-BBS does not accept credit approved by STATE_BOARD/TX")));
        // X1's APA and ASWB awards are both 6 h and both accepted: one counts, the other is listed as counted once.
        Map<String, String> casey = notCounted(CASEY);
        String apa = casey.get(awardId(CASEY, X1, "APA"));
        String aswb = casey.get(awardId(CASEY, X1, "ASWB_ACE"));
        assertThat(apa == null ^ aswb == null).as("exactly one of X1's awards is not counted").isTrue();
        assertThat(apa == null ? aswb : apa).isEqualTo("SESSION_COUNTED_ONCE: The session counts once, through "
                + (apa == null ? "APA" : "ASWB_ACE"));
        eventually(() -> assertThat(notCounted(RITA)).contains(
                Map.entry(awardId(RITA, E, "IACET"), "BODY_NOT_ACCEPTED: CA-BBS does not accept credit approved by IACET")));
        // NY counts only NYSED-approved providers, FL not IACET, and Ohio takes NBCC from counselors only.
        eventually(() -> assertThat(notCounted(ZOE)).containsOnly(
                Map.entry(awardId(ZOE, B, "IACET"), "BODY_NOT_ACCEPTED: NY-LMHC does not accept credit approved by IACET")));
        eventually(() -> assertThat(notCounted(BREE)).containsOnly(
                Map.entry(awardId(BREE, C, "IACET"), "BODY_NOT_ACCEPTED: FL-491 does not accept credit approved by IACET")));
        eventually(() -> assertThat(notCounted(SAM)).containsOnly(
                Map.entry(awardId(SAM, T, "APA"), "BODY_NOT_ACCEPTED: OH-CSWMFT does not accept credit approved by APA"),
                Map.entry(awardId(SAM, T, "NBCC"),
                        "NOT_ACCEPTED_FOR_LICENSE_TYPE: OH-CSWMFT accepts NBCC credit for other licence types, not LISW")));
        assertThat(standing(ZOE).earned()).isZero();
        assertThat(standing(SAM).earned()).isZero();
        // Each board's categories are its own: NY asks for professional boundaries, FL for ethics and boundaries.
        assertThat(standing(ZOE).categories()).containsOnlyKeys("PROFESSIONAL_BOUNDARIES");
        assertThat(standing(BREE).categories()).containsKeys("ETHICS_AND_BOUNDARIES", "MEDICAL_ERRORS");
    }

    @Test
    void aMultiDaySessionWithoutItsNightsAsBreaksIsRefusedAndNeverPublished() {
        String id = RUN + "-three-days";
        Map<String, Object> session = new LinkedHashMap<>(Course.live("three-days", "Three-Day Intensive", "IN_PERSON",
                TODAY.plusDays(30), "09:00", "17:00", 6, Map.of("GENERAL", 6.0), "APA").request());
        session.put("endsAt", iso(TODAY.plusDays(32).atTime(17, 0).atZone(NEW_YORK).toInstant()));
        session.put("creditHours", 20);
        var refused = api.put(INGEST, "/v1/sessions/" + id, ADMIN, session);
        assertThat(refused.status()).as("a rule the session breaks: 422, as every catalog rule").isEqualTo(422);
        assertThat(refused.body().toString()).contains("nights as breaks");
        assertThat(read("accrue.sessions", Session.class)).filteredOn(s -> s != null && s.getSessionId().equals(id))
                .isEmpty();
    }

    @Test
    void theCaBbsLicenseeBecomesCompleteExactlyWhenTheLastEthicsHourLands() {
        // Before X2 (observed in the set-up): 35 hours, 5 of the 6 ethics hours, ON_TRACK.
        eventually(() -> assertThat(standing(CASEY)).isEqualTo(caBbs(CASEY_EARNED_AFTER_X2, CASEY_ETHICS_AFTER_X2,
                "COMPLETE")));
        eventually(() -> assertThat(transcript(CASEY)).containsExactlyInAnyOrderElementsOf(expectedTranscript(CASEY)));
    }

    @Test
    void aPartialCertificateReadsAsJsonPdfAndACredentialThatVerifies() {
        String id = entry(transcriptJson(LEE), A, "IACET").get("certificateId").asText();
        eventually(() -> assertThat(certificate(id).get("revision").asInt()).isEqualTo(1));
        JsonNode certificate = certificate(id);
        assertThat(certificate.get("participantName").asText()).isEqualTo("Lee Late");
        assertThat(certificate.get("licenseNumbers")).extracting(JsonNode::asText)
                .containsExactly("TX-LPC:" + LEE.licenseNumber());
        assertThat(certificate.get("sessionId").asText()).isEqualTo(A.id());
        assertThat(certificate.get("title").asText()).isEqualTo(A.title());
        assertThat(certificate.get("format").asText()).isEqualTo("LIVE_WEBINAR");
        assertThat(Instant.parse(certificate.get("activityStart").asText())).isEqualTo(A.at("09:00"));
        assertThat(Instant.parse(certificate.get("activityEnd").asText())).isEqualTo(A.at("15:00"));
        assertThat(certifiedAwards(certificate)).containsExactly(
                Map.entry("IACET", LEE_A_IACET), Map.entry("STATE_BOARD", LEE_A_STATE));

        HttpResponse<byte[]> pdf = raw(CREDIT, "/v1/certificates/" + id + ".pdf", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace("\n", " ");
            assertThat(text).contains("This certifies that Lee Late", "Provider: Ridgeway Counseling Institute",
                    "approved by the Texas State Board of Examiners of Professional Counselors",
                    "State board (TX) (approval number STATE_BOARD/TX-" + A.courseId() + ", provider number TX-4411): "
                            + LEE_A_STATE + " hours", "Morgan Hale, CE Director");
        } catch (IOException e) {
            throw new AssertionError("The certificate PDF cannot be read", e);
        }

        String credential = credential(id);
        JsonNode verification = verify(credential);
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("certificateId").asText()).isEqualTo(id);
        assertThat(verification.get("presentedRevision").asInt()).isEqualTo(1);
        JsonNode subject = credentialSubject(credential);
        assertThat(subject.get("creditsEarned").asDouble()).as("the most any one body granted").isEqualTo(LEE_A_IACET);
        assertThat(subject.get("licenseNumber").asText()).contains(LEE.licenseNumber());
        assertThat(subject.get("achievement").get("name").asText()).isEqualTo(A.title());

        String tampered = credential.substring(0, credential.length() - 4) + (credential.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(verify(tampered).get("valid").asBoolean()).as("a credential with a broken signature").isFalse();
    }

    @Test
    void searchAnswersTrendsTopCoursesFormatsAndComplianceWithTheScenarioNumbers() {
        LocalDate from = TODAY.minusDays(10);
        LocalDate to = TODAY.plusDays(1); // certificates are dated when issued: today, or tomorrow after midnight UTC
        String range = "&providerId=" + PROVIDER + "&from=" + from + "&to=" + to;

        Map<LocalDate, Double> hoursPerDay = FINAL_AWARDS.stream()
                .collect(groupingBy(Award::day, TreeMap::new, summingDouble(Award::hours)));
        assertThat(hoursPerDay.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(TOTAL_CREDIT_HOURS, within(1e-9));
        eventually(() -> {
            JsonNode trend = analytics("trends?metric=creditHours&interval=day" + range);
            assertThat(trend.get("buckets")).hasSize(12);
            for (JsonNode bucket : trend.get("buckets")) {
                LocalDate day = LocalDate.parse(bucket.get("start").asText());
                assertThat(bucket.get("value").asDouble()).as("credit hours completed on %s", day)
                        .isCloseTo(hoursPerDay.getOrDefault(day, 0.0), within(1e-6));
            }
        });
        eventually(() -> {
            JsonNode trend = analytics("trends?metric=certificates&interval=day" + range);
            assertThat(sum(trend.get("buckets"), "value")).as("certificates not revoked")
                    .isEqualTo(CERTIFICATES - CERTIFICATES_REVOKED);
        });

        Map<String, Double> hoursPerCourse = FINAL_AWARDS.stream()
                .collect(groupingBy(a -> a.course().courseId(), summingDouble(Award::hours)));
        List<Map.Entry<String, Double>> top = hoursPerCourse.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).toList();
        // A 29.1, then X1 12 and T 12 (tie broken by course key), C 11, B 8.5.
        assertThat(top).extracting(Map.Entry::getKey)
                .containsExactly(A.courseId(), X1.courseId(), T.courseId(), C.courseId(), B.courseId());
        eventually(() -> {
            JsonNode courses = analytics("top-courses?by=creditHours&limit=5" + range).get("courses");
            assertThat(courses).hasSize(5);
            for (int i = 0; i < top.size(); i++) {
                assertThat(courses.get(i).get("courseKey").asText()).isEqualTo(PROVIDER + "/" + top.get(i).getKey());
                assertThat(courses.get(i).get("value").asDouble()).isCloseTo(top.get(i).getValue(), within(1e-6));
            }
        });

        Map<String, Double> hoursPerFormat = FINAL_AWARDS.stream()
                .collect(groupingBy(a -> a.course().format(), summingDouble(Award::hours)));
        Map<String, Long> attendeesPerFormat = Map.of("LIVE_WEBINAR", LIVE_WEBINAR_ATTENDEES,
                "IN_PERSON", IN_PERSON_ATTENDEES, "SELF_STUDY", SELF_STUDY_ATTENDEES);
        eventually(() -> {
            JsonNode items = analytics("formats?" + range.substring(1)).get("items");
            assertThat(items).hasSize(3);
            for (JsonNode item : items) {
                String format = item.get("key").asText();
                assertThat(item.get("creditHours").asDouble()).as("hours %s", format)
                        .isCloseTo(hoursPerFormat.get(format), within(1e-6));
                assertThat(item.get("attendees").asLong()).as("attendees %s", format)
                        .isEqualTo(attendeesPerFormat.get(format));
            }
        });

        // One licence per licensee, all ending on CYCLE_END: Casey COMPLETE, everyone else ON_TRACK (Bree and Flo
        // in Florida).
        Map<String, Map<String, Long>> added = Map.of(
                "CA-BBS", Map.of("COMPLETE", 1L, "ON_TRACK", 1L),
                "TX-LPC", Map.of("ON_TRACK", 1L), "NY-LMHC", Map.of("ON_TRACK", 1L),
                "FL-491", Map.of("ON_TRACK", 2L), "OH-CSWMFT", Map.of("ON_TRACK", 1L));
        eventually(() -> assertThat(complianceAnalytics()).isEqualTo(plus(complianceBaseline, added)));
    }

    @Test
    void everyElasticsearchCountEqualsWhatKafkaHolds() {
        Set<String> sessionIds = CATALOG.stream().map(Course::id).collect(Collectors.toSet());
        Set<String> licenseeIds = PEOPLE.stream().map(Person::id).collect(Collectors.toSet());
        String byProvider = json(Map.of("term", Map.of("providerId", PROVIDER)));

        // Kafka holds each award's revisions exactly once and in order: 1 for most, 1 and 2 for Rita's. The late
        // events' outcomes are among them, so the topic is read until they are there (this test may run first).
        Map<String, List<Integer>> expectedRevisions = FINAL_AWARDS.stream().collect(Collectors.toMap(
                a -> a.who().id() + " " + a.course().id() + " " + a.body(), a -> upTo(a.revision()), (x, y) -> x,
                TreeMap::new));
        AtomicReference<List<CreditAward>> credits = new AtomicReference<>();
        eventually(() -> {
            credits.set(read("accrue.credits", CreditAward.class).stream().filter(a -> a.getProviderId().equals(PROVIDER))
                    .toList());
            Map<String, List<Integer>> revisions = credits.get().stream().collect(groupingBy(
                    a -> a.getLicenseeId() + " " + a.getSessionId() + " " + a.getBody(), TreeMap::new,
                    Collectors.mapping(CreditAward::getRevision, Collectors.toList())));
            assertThat(revisions).isEqualTo(expectedRevisions);
        });
        List<CreditAward> awards = credits.get();
        assertThat(awards).hasSize(AWARD_REVISIONS);
        Map<String, CreditAward> latestAward = latest(awards, CreditAward::getAwardId, CreditAward::getRevision);
        assertThat(latestAward).hasSize(AWARD_IDS);
        long earning = latestAward.values().stream().filter(a -> a.getHours() > 0).count();
        assertThat(earning).isEqualTo(AWARDS_EARNING);
        String earned = json(Map.of("term", Map.of("earned", true)));
        eventually(() -> {
            assertThat(esCount("accrue-awards", byProvider)).isEqualTo(latestAward.size());
            assertThat(esCount("accrue-awards", and(byProvider, earned))).isEqualTo(earning);
        });

        // A certificate is revised with its awards: Rita's two certificates have revisions 1 and 2.
        List<CertificateIssued> certificates = read("accrue.certificates", CertificateIssued.class).stream()
                .filter(c -> c.getProviderId().equals(PROVIDER)).toList();
        Map<String, List<Integer>> certificateRevisions = certificates.stream().collect(groupingBy(
                c -> c.getLicenseeId() + " " + c.getSessionId(), TreeMap::new,
                Collectors.mapping(CertificateIssued::getRevision, Collectors.toList())));
        assertThat(certificateRevisions).isEqualTo(FINAL_AWARDS.stream().collect(Collectors.toMap(
                a -> a.who().id() + " " + a.course().id(), a -> upTo(a.revision()), (x, y) -> x.size() >= y.size() ? x : y,
                TreeMap::new)));
        assertThat(certificates).hasSize(CERTIFICATE_REVISIONS);
        Map<String, CertificateIssued> latestCertificate = latest(certificates, CertificateIssued::getCertificateId,
                CertificateIssued::getRevision);
        assertThat(latestCertificate).hasSize(CERTIFICATES);
        long revoked = latestCertificate.values().stream().filter(c -> c.getAwards().isEmpty()).count();
        assertThat(revoked).isEqualTo(CERTIFICATES_REVOKED);
        String revokedOnly = json(Map.of("term", Map.of("revoked", true)));
        eventually(() -> {
            assertThat(esCount("accrue-certificates", byProvider)).isEqualTo(latestCertificate.size());
            assertThat(esCount("accrue-certificates", and(byProvider, revokedOnly))).isEqualTo(revoked);
        });

        Set<String> attendanceIds = read("accrue.attendance", AttendanceEvent.class).stream()
                .filter(a -> sessionIds.contains(a.getSessionId())).map(AttendanceEvent::getEventId)
                .collect(Collectors.toSet());
        assertThat(attendanceIds).as("every event sent, the Zoom report's derived ids included")
                .hasSize(sentEventIds.size() + zoomEvents).containsAll(sentEventIds);
        eventually(() -> assertThat(esCount("accrue-attendance", json(Map.of("terms", Map.of("sessionId", sessionIds)))))
                .isEqualTo(attendanceIds.size()));

        Set<String> licences = read("accrue.compliance", ComplianceStatus.class).stream()
                .filter(c -> licenseeIds.contains(c.getLicenseeId()))
                .map(c -> c.getLicenseeId() + "|" + c.getBoard() + "|" + c.getLicenseType()).collect(Collectors.toSet());
        assertThat(licences).hasSize(PEOPLE.size());
        eventually(() -> assertThat(esCount("accrue-compliance", json(Map.of("terms", Map.of("licenseeId", licenseeIds)))))
                .isEqualTo(licences.size()));

        Set<String> sessions = read("accrue.sessions", Session.class).stream()
                .filter(s -> s != null && sessionIds.contains(s.getSessionId())).map(Session::getSessionId)
                .collect(Collectors.toSet());
        assertThat(sessions).hasSize(CATALOG.size());
        eventually(() -> assertThat(esCount("accrue-sessions", byProvider)).isEqualTo(sessions.size()));

        // Nothing of this run was rejected by credit or dead-lettered by search.
        assertThat(read("accrue.rejections", Rejection.class)).filteredOn(r -> licenseeIds.contains(r.getKey()))
                .extracting(Rejection::getReason).isEmpty();
        assertThat(read("accrue.search-dead-letters", Rejection.class))
                .filteredOn(r -> r.getKey() != null && (licenseeIds.contains(r.getKey()) || sessionIds.contains(r.getKey())))
                .extracting(Rejection::getReason).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Scenario building blocks
    // ---------------------------------------------------------------------------------------------

    /** A session of the catalog; live ones have a day, times in New York and at most one break. */
    record Course(String courseId, String title, String format, LocalDate day, LocalTime starts, LocalTime ends,
                  LocalTime breakStarts, LocalTime breakEnds, double creditHours, Map<String, Double> categories,
                  Double passingScore, List<String> bodies, Integer toleranceMinutes) {

        static Course live(String courseId, String title, String format, LocalDate day, String starts, String ends,
                           double creditHours, Map<String, Double> categories, String... bodies) {
            return new Course(courseId, title, format, day, LocalTime.parse(starts), LocalTime.parse(ends), null, null,
                    creditHours, categories, null, List.of(bodies), null);
        }

        static Course selfStudy(String courseId, String title, double creditHours, Map<String, Double> categories,
                                double passingScore, String... bodies) {
            return new Course(courseId, title, "SELF_STUDY", null, null, null, null, null, creditHours, categories,
                    passingScore, List.of(bodies), null);
        }

        Course withBreak(String from, String to) {
            return new Course(courseId, title, format, day, starts, ends, LocalTime.parse(from), LocalTime.parse(to),
                    creditHours, categories, passingScore, bodies, toleranceMinutes);
        }

        /** The provider's stricter attendance policy for the session. */
        Course withToleranceMinutes(int minutes) {
            return new Course(courseId, title, format, day, starts, ends, breakStarts, breakEnds, creditHours,
                    categories, passingScore, bodies, minutes);
        }

        String id() {
            return RUN + "-" + courseId;
        }

        Instant at(String time) {
            return day.atTime(LocalTime.parse(time)).atZone(NEW_YORK).toInstant();
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("courseId", courseId);
            body.put("providerId", PROVIDER);
            body.put("title", title);
            body.put("format", format);
            if (day != null) {
                body.put("startsAt", iso(at(starts.toString())));
                body.put("endsAt", iso(at(ends.toString())));
                body.put("timeZone", NEW_YORK.getId());
                body.put("breaks", breakStarts == null ? List.of()
                        : List.of(Map.of("startsAt", iso(at(breakStarts.toString())),
                                "endsAt", iso(at(breakEnds.toString())))));
            } else {
                body.put("passingScore", passingScore);
            }
            body.put("creditHours", creditHours);
            body.put("categories", categories.entrySet().stream()
                    .map(c -> Map.of("category", c.getKey(), "hours", c.getValue())).toList());
            // "STATE_BOARD/TX" is the Texas board's approval: body and jurisdiction. Florida's carries CE Broker's
            // course and provider tracking numbers, which its roster export needs.
            body.put("approvals", bodies.stream().map(b -> {
                String[] parts = b.split("/");
                if (b.equals("STATE_BOARD/FL")) {
                    return Map.of("body", parts[0], "jurisdiction", parts[1], "approvalId", FLORIDA_COURSE_NUMBER,
                            "providerNumber", FLORIDA_PROVIDER_NUMBER);
                }
                return parts.length == 1 ? Map.of("body", b, "approvalId", b + "-" + courseId)
                        : Map.of("body", parts[0], "jurisdiction", parts[1], "approvalId", b + "-" + courseId);
            }).toList());
            if (toleranceMinutes != null) {
                body.put("attendancePolicy", Map.of("toleranceMinutes", toleranceMinutes));
            }
            return body;
        }
    }

    /** A licensee with one licence whose cycle ends on {@link #CYCLE_END}. */
    record Person(String key, String givenName, String familyName, String board, String licenseType, int cycleYears) {

        String id() {
            return RUN + "-" + key;
        }

        String email() {
            return key + "." + RUN + "@example.org";
        }

        String licenseNumber() {
            return licenseType + " " + Math.abs((RUN + key).hashCode() % 100000);
        }

        Map<String, Object> request() {
            // Owned by the run's provider: only its sessions may name the licensee.
            return Map.of("givenName", givenName, "familyName", familyName, "email", email(), "owner", PROVIDER, "licenses", List.of(Map.of(
                    "board", board, "licenseType", licenseType, "licenseNumber", licenseNumber(),
                    "cycleStart", CYCLE_END.minusYears(cycleYears).plusDays(1).toString(),
                    "cycleEnd", CYCLE_END.toString(), "firstRenewal", false)));
        }
    }

    /** One award's final revision, and the day (UTC) it counts on in trends. */
    record Award(Person who, Course course, String body, double hours, Double ceu, int revision, LocalDate day) {
    }

    /** A transcript entry as compared: session, body, hours, CEU and revision. */
    record Line(String sessionId, String body, double hours, Double ceu, int revision) {
    }

    /** One licence's standing as compared: hours, and earned against required per category minimum. */
    record Standing(String board, double required, double earned, double counted, double remaining,
                    Map<String, Progress> categories, String status) {
    }

    record Progress(double earned, double required) {
    }

    private static List<Line> expectedTranscript(Person person) {
        return FINAL_AWARDS.stream().filter(a -> a.who() == person && a.hours() > 0)
                .map(a -> new Line(a.course().id(), a.body(), a.hours(), a.ceu(), a.revision())).toList();
    }

    private static Standing caBbs(double earned, double ethics, String status) {
        // Casey's one-time minimums are met by H, S and T before the last session: 7 of 7, 6 of 6, 3 of 3.
        return new Standing("CA-BBS", CA_BBS_CYCLE_HOURS, earned, earned, CA_BBS_CYCLE_HOURS - earned, Map.of(
                "LAW_AND_ETHICS", new Progress(ethics, CA_BBS_ETHICS),
                "HIV_AIDS", new Progress(CA_BBS_HIV_AIDS, CA_BBS_HIV_AIDS),
                "SUICIDE_PREVENTION", new Progress(CA_BBS_SUICIDE_PREVENTION, CA_BBS_SUICIDE_PREVENTION),
                "TELEHEALTH", new Progress(CA_BBS_TELEHEALTH, CA_BBS_TELEHEALTH)), status);
    }

    private Map<String, Object> joined(Person who, Course course, String time) {
        return event(who, course, "JOINED", course.at(time), null);
    }

    private Map<String, Object> left(Person who, Course course, String time) {
        return event(who, course, "LEFT", course.at(time), null);
    }

    /** The event as one connection's (one device's visit), its id telling the connections apart. */
    private static Map<String, Object> connected(Map<String, Object> event, String connectionId) {
        event.put("eventId", event.get("eventId") + "-" + connectionId);
        event.put("connectionId", connectionId);
        return event;
    }

    private Map<String, Object> completed(Person who, Course course, Instant at, double score) {
        return event(who, course, "SELF_STUDY_COMPLETED", at, score);
    }

    private Map<String, Object> event(Person who, Course course, String type, Instant at, Double score) {
        String eventId = who.id() + "-" + course.courseId() + "-" + type + "-" + at.toEpochMilli();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("sessionId", course.id());
        event.put("licenseeId", who.id());
        event.put("type", type);
        event.put("occurredAt", iso(at));
        if (score != null) {
            event.put("score", score);
        }
        return event;
    }

    private static String zoomRow(String name, String email, Course course, String joined, String leftAt) {
        DateTimeFormatter zoom = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
        var join = course.day().atTime(LocalTime.parse(joined));
        var leave = course.day().atTime(LocalTime.parse(leftAt));
        long minutes = Duration.between(join, leave).toMinutes();
        return String.join(",", name, email, zoom.format(join), zoom.format(leave), String.valueOf(minutes),
                email.isEmpty() ? "Yes" : "No");
    }

    // ---------------------------------------------------------------------------------------------
    // Public HTTP APIs
    // ---------------------------------------------------------------------------------------------

    private void publish(Course course) {
        ingest(() -> api.put(INGEST, "/v1/sessions/" + course.id(), ADMIN, course.request()));
    }

    private void publish(Person person) {
        ingest(() -> api.put(INGEST, "/v1/licensees/" + person.id(), ADMIN, person.request()));
    }

    private void sendBatch(List<Map<String, Object>> events) {
        JsonNode result = ingest(() -> api.post(INGEST, "/v1/attendance/batch", ADMIN, events));
        assertThat(result.get("rejected").asInt()).as("batch result %s", result).isZero();
        assertThat(result.get("accepted").asInt()).isEqualTo(events.size());
        events.forEach(e -> sentEventIds.add((String) e.get("eventId")));
    }

    private void close(Course course) {
        ingest(() -> api.post(INGEST, "/v1/sessions/" + course.id() + "/close", ADMIN, Map.of()));
    }

    private JsonNode transcriptJson(Person person) {
        return expectOk(api.get(CREDIT, "/v1/licensees/" + person.id() + "/transcript", ADMIN));
    }

    private List<Line> transcript(Person person) {
        return stream(transcriptJson(person).get("awards"))
                .map(e -> new Line(e.get("sessionId").asText(), e.get("body").asText(), e.get("hours").asDouble(),
                        e.get("ceu") == null || e.get("ceu").isNull() ? null : e.get("ceu").asDouble(),
                        e.get("revision").asInt()))
                .toList();
    }

    private static JsonNode entry(JsonNode transcript, Course course, String body) {
        return stream(transcript.get("awards"))
                .filter(e -> e.get("sessionId").asText().equals(course.id()) && e.get("body").asText().equals(body))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + body + " award for " + course.id() + " in " + transcript));
    }

    private static Map<String, Double> categories(JsonNode award) {
        return stream(award.get("categories"))
                .collect(Collectors.toMap(c -> c.get("category").asText(), c -> c.get("hours").asDouble()));
    }

    private String awardId(Person person, Course course, String body) {
        return entry(transcriptJson(person), course, body).get("awardId").asText();
    }

    /** The credit of the licence's cycle that its board does not count: award id to "REASON: detail". */
    private Map<String, String> notCounted(Person person) {
        JsonNode licence = expectOk(api.get(CREDIT, "/v1/licensees/" + person.id() + "/compliance", ANALYST))
                .get("licenses").get(0);
        return stream(licence.get("notCounted")).collect(Collectors.toMap(n -> n.get("awardId").asText(),
                n -> n.get("reason").asText() + ": " + n.get("detail").asText()));
    }

    /** The licensee's only licence, as compliance reports it. */
    private Standing standing(Person person) {
        JsonNode licences = expectOk(api.get(CREDIT, "/v1/licensees/" + person.id() + "/compliance", ANALYST))
                .get("licenses");
        assertThat(licences).hasSize(1);
        JsonNode l = licences.get(0);
        Map<String, Progress> categories = stream(l.get("categories")).collect(Collectors.toMap(
                c -> c.get("category").asText(),
                c -> new Progress(c.get("earnedHours").asDouble(), c.get("requiredHours").asDouble())));
        return new Standing(l.get("board").asText(), l.get("requiredHours").asDouble(), l.get("earnedHours").asDouble(),
                l.get("countedHours").asDouble(), l.get("remainingHours").asDouble(), categories, l.get("status").asText());
    }

    private JsonNode certificate(String id) {
        return expectOk(api.get(CREDIT, "/v1/certificates/" + id, ADMIN));
    }

    private static List<Map.Entry<String, Double>> certifiedAwards(JsonNode certificate) {
        return stream(certificate.get("awards"))
                .map(a -> Map.entry(a.get("body").asText(), a.get("hours").asDouble())).toList();
    }

    private String credential(String certificateId) {
        HttpResponse<byte[]> response = raw(CREDIT, "/v1/certificates/" + certificateId + "/credential", VC_JWT);
        assertThat(response.statusCode()).as("credential of %s", certificateId).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8).trim();
    }

    private JsonNode verify(String credential) {
        return expectOk(api.post(CREDIT, "/v1/credentials/verify", ANALYST, Map.of("credential", credential)));
    }

    private static JsonNode credentialSubject(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            // A VC-JWT in the VC Data Model 2.0: the payload is the credential itself.
            return ServiceClients.JSON.readTree(payload).get("credentialSubject");
        } catch (IOException e) {
            throw new AssertionError("The credential's payload is not JSON", e);
        }
    }

    /** Distinct licensees per status per board for licences ending on CYCLE_END. */
    private Map<String, Map<String, Long>> complianceAnalytics() {
        JsonNode boards = analytics("compliance?from=" + CYCLE_END + "&to=" + CYCLE_END).get("boards");
        Map<String, Map<String, Long>> result = new TreeMap<>();
        for (JsonNode board : boards) {
            Map<String, Long> statuses = new TreeMap<>();
            board.get("statuses").properties().forEach(s -> statuses.put(s.getKey(), s.getValue().asLong()));
            result.put(board.get("board").asText(), statuses);
        }
        return result;
    }

    private static Map<String, Map<String, Long>> plus(Map<String, Map<String, Long>> base,
                                                       Map<String, Map<String, Long>> added) {
        Map<String, Map<String, Long>> sum = new TreeMap<>();
        base.forEach((board, statuses) -> sum.put(board, new TreeMap<>(statuses)));
        added.forEach((board, statuses) -> statuses.forEach((status, n) ->
                sum.computeIfAbsent(board, b -> new TreeMap<>()).merge(status, n, Long::sum)));
        return sum;
    }

    private JsonNode analytics(String pathAndQuery) {
        return expectOk(api.get(SEARCH, "/v1/analytics/" + pathAndQuery, ANALYST));
    }

    /** A GET whose answer is not JSON (PDF, VC-JWT), with the Accept header it needs. */
    private HttpResponse<byte[]> raw(ServiceFleet.Service service, String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fleet.url(service) + path))
                .header("Authorization", "Bearer " + ADMIN).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return send(request);
    }

    /** A public page of credit-service, fetched as a browser would: no API key. */
    private String publicPage(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(fleet.url(CREDIT) + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("No answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A write to ingest, repeated while it answers 503: its README says a 503 never means success and the
     * same request (same ids) is safe to send again. (The local registry sometimes answers 500 while several
     * services register their first schemas at once; ingest turns that into a 503.)
     */
    private static JsonNode ingest(Supplier<ServiceClients.Response> write) {
        AtomicReference<ServiceClients.Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> answer.updateAndGet(previous -> write.get()).status() != 503);
        return expectOk(answer.get());
    }

    private static JsonNode expectOk(ServiceClients.Response response) {
        assertThat(response.ok()).as("HTTP %s: %s", response.status(), response.body()).isTrue();
        return response.body();
    }

    // ---------------------------------------------------------------------------------------------
    // The stores, read directly only to compare their counts
    // ---------------------------------------------------------------------------------------------

    /** Every committed record of a topic, from the beginning to the current end. */
    private <T extends SpecificRecord> List<T> read(String topic, Class<T> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ConfluentAvroDeserializer<>(Map.of("schema.registry.url", endpoints.schemaRegistryUrl()), type);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<T> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(Instant.now()).as("reading %s to its end", topic).isBefore(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(r -> records.add(r.value()));
            }
            return records;
        }
    }

    /** Revisions 1 to n. */
    private static List<Integer> upTo(int revision) {
        return java.util.stream.IntStream.rangeClosed(1, revision).boxed().toList();
    }

    private static <T> Map<String, T> latest(List<T> records, Function<T, String> id, Function<T, Integer> revision) {
        Map<String, T> latest = new HashMap<>();
        records.forEach(r -> latest.merge(id.apply(r), r, (a, b) -> revision.apply(a) >= revision.apply(b) ? a : b));
        return latest;
    }

    private long esCount(String index, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.elasticsearchUrl() + "/" + index
                        + "/_count?ignore_unavailable=true"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + query + "}")).build();
        HttpResponse<byte[]> response = send(request);
        try {
            JsonNode body = ServiceClients.JSON.readTree(response.body());
            assertThat(response.statusCode()).as("count in %s: %s", index, body).isEqualTo(200);
            return body.get("count").asLong();
        } catch (IOException e) {
            throw new AssertionError("Elasticsearch answered no JSON", e);
        }
    }

    private static String and(String... queries) {
        return "{\"bool\":{\"filter\":[" + String.join(",", queries) + "]}}";
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------------

    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(PIPELINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(assertion);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static long sum(JsonNode array, String field) {
        return Math.round(stream(array).mapToDouble(n -> n.get(field).asDouble()).sum());
    }

    private static String json(Object value) {
        try {
            return ServiceClients.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(NEW_YORK));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
