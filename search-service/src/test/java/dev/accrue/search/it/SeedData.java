package dev.accrue.search.it;

import static dev.accrue.events.ApprovalBody.APA;
import static dev.accrue.events.ApprovalBody.ASWB_ACE;
import static dev.accrue.events.ApprovalBody.NBCC;
import static dev.accrue.events.AttendanceType.JOINED;
import static dev.accrue.events.AttendanceType.LEFT;
import static dev.accrue.events.AttendanceType.SELF_STUDY_COMPLETED;
import static dev.accrue.events.Category.CULTURAL_DIVERSITY;
import static dev.accrue.events.Category.LAW_AND_ETHICS;
import static dev.accrue.events.Category.SUICIDE_PREVENTION;
import static dev.accrue.events.Category.SUPERVISION;
import static dev.accrue.events.Category.TELEHEALTH;
import dev.accrue.search.fixtures.Events;
import static dev.accrue.search.fixtures.Events.award;
import static dev.accrue.search.fixtures.Events.certificate;
import static dev.accrue.search.fixtures.Events.hours;
import static dev.accrue.search.fixtures.Events.session;

import dev.accrue.events.ComplianceState;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Format;
import dev.accrue.events.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A small catalog and its activity in January 2025 whose analytics answers are worked out by hand
 * (see AnalyticsIT). Every id carries the tag, so test classes sharing the node do not see each
 * other's data: provider {@code <tag>} runs sessions S1-S3, provider {@code <tag>-other} runs S4,
 * which reuses S1's course id, and boards are {@code <tag>-CA} and {@code <tag>-TX}. S5 repeats S1's
 * course in February under another title.
 *
 * <pre>
 * S1 C1 "Ethics in Telehealth Practice"  LIVE_WEBINAR 3 h (LAW_AND_ETHICS 2, TELEHEALTH 1) APA+NBCC
 * S2 C2 "Suicide Risk Assessment"        IN_PERSON    6 h (SUICIDE_PREVENTION 6)          NBCC
 * S3 C3 "=1+2 Cultural Humility"         SELF_STUDY   2 h (CULTURAL_DIVERSITY 2)          ASWB_ACE
 * S4 C1 "Ethics for Supervisors"         IN_PERSON    4 h (SUPERVISION 4)                 APA   (other provider)
 * S5 C1 "Boundaries Workshop"            LIVE_WEBINAR 3 h (as S1)                         APA+NBCC
 * attendance: L1 joins S1 on Jan 6, leaves, rejoins; L2 joins S1 Jan 6; L3 joins S1 Jan 7;
 *             L1 and L4 join S2 Jan 14; L5 completes S3 Jan 20; L6 joins S4 Jan 8; L7 joins S2 Feb 10;
 *             L1 and L8 join S5 Feb 11 (L1's enrolment in C1 stays on Jan 6)
 * awards:     S1: L1 APA 3, L1 NBCC 3, L2 APA 3, L3 APA 0 (left early); S2: L1 NBCC 6, L4 NBCC 6;
 *             S3: L5 ASWB_ACE 2; S4: L6 APA 4; L7 S2 NBCC 6 on Feb 10
 * certificates: one per licensee and session with credit; L3's S1 certificate revision 2 is revoked
 * compliance: CA: L1 ON_TRACK, L2 ON_TRACK then AT_RISK (and a late older ON_TRACK), L3 AT_RISK;
 *             TX: L4 COMPLETE, L1 OVERDUE
 * </pre>
 */
final class SeedData {

    final String provider;
    final String otherProvider;
    final String boardCa;
    final String boardTx;
    final Session s1;
    final Session s2;
    final Session s3;
    final Session s4;
    final Session s5;

    SeedData(String tag) {
        provider = tag;
        otherProvider = tag + "-other";
        boardCa = tag + "-CA";
        boardTx = tag + "-TX";
        s1 = session(id("S1"), "C1", provider, "Ethics in Telehealth Practice", Format.LIVE_WEBINAR, 3,
                List.of(hours(LAW_AND_ETHICS, 2), hours(TELEHEALTH, 1)), List.of(APA, NBCC));
        s1.setDescription("Boundaries and confidentiality when counseling over video");
        s2 = session(id("S2"), "C2", provider, "Suicide Risk Assessment", Format.IN_PERSON, 6,
                List.of(hours(SUICIDE_PREVENTION, 6)), List.of(NBCC));
        s3 = session(id("S3"), "C3", provider, "=1+2 Cultural Humility", Format.SELF_STUDY, 2,
                List.of(hours(CULTURAL_DIVERSITY, 2)), List.of(ASWB_ACE));
        s4 = session(id("S4"), "C1", otherProvider, "Ethics for Supervisors", Format.IN_PERSON, 4,
                List.of(hours(SUPERVISION, 4)), List.of(APA));
        s5 = session(id("S5"), "C1", provider, "Boundaries Workshop", Format.LIVE_WEBINAR, 3,
                List.of(hours(LAW_AND_ETHICS, 2), hours(TELEHEALTH, 1)), List.of(APA, NBCC));
    }

    String id(String local) {
        return provider + "-" + local;
    }

    List<Session> sessions() {
        return List.of(s1, s2, s3, s4, s5);
    }

    /** Attendance events: 11 for the provider (8 in January), 1 for the other provider. */
    List<SpecificRecord> attendance() {
        return List.of(
                Events.attendance(id("e1"), s1.getSessionId(), id("L1"), JOINED, "2025-01-06T15:00:00Z"),
                Events.attendance(id("e2"), s1.getSessionId(), id("L1"), LEFT, "2025-01-06T15:30:00Z"),
                Events.attendance(id("e3"), s1.getSessionId(), id("L1"), JOINED, "2025-01-06T15:35:00Z"),
                Events.attendance(id("e4"), s1.getSessionId(), id("L2"), JOINED, "2025-01-06T15:01:00Z"),
                Events.attendance(id("e5"), s1.getSessionId(), id("L3"), JOINED, "2025-01-07T15:00:00Z"),
                Events.attendance(id("e6"), s2.getSessionId(), id("L1"), JOINED, "2025-01-14T09:00:00Z"),
                Events.attendance(id("e7"), s2.getSessionId(), id("L4"), JOINED, "2025-01-14T09:02:00Z"),
                Events.attendance(id("e8"), s3.getSessionId(), id("L5"), SELF_STUDY_COMPLETED, "2025-01-20T20:00:00Z"),
                Events.attendance(id("e9"), s4.getSessionId(), id("L6"), JOINED, "2025-01-08T10:00:00Z"),
                Events.attendance(id("e10"), s2.getSessionId(), id("L7"), JOINED, "2025-02-10T09:00:00Z"),
                Events.attendance(id("e11"), s5.getSessionId(), id("L1"), JOINED, "2025-02-11T15:00:00Z"),
                Events.attendance(id("e12"), s5.getSessionId(), id("L8"), JOINED, "2025-02-11T15:02:00Z"));
    }

    List<CreditAward> awards() {
        return List.of(
                award(s1, id("L1"), APA, 1, 3, "2025-01-06T18:00:00Z"),
                award(s1, id("L1"), NBCC, 1, 3, "2025-01-06T18:00:00Z"),
                award(s1, id("L2"), APA, 1, 3, "2025-01-06T18:00:00Z"),
                award(s1, id("L3"), APA, 1, 0, "2025-01-07T18:00:00Z"),
                award(s2, id("L1"), NBCC, 1, 6, "2025-01-14T16:00:00Z"),
                award(s2, id("L4"), NBCC, 1, 6, "2025-01-14T16:00:00Z"),
                award(s3, id("L5"), ASWB_ACE, 1, 2, "2025-01-20T20:00:00Z"),
                award(s4, id("L6"), APA, 1, 4, "2025-01-08T16:00:00Z"),
                award(s2, id("L7"), NBCC, 1, 6, "2025-02-10T16:00:00Z"));
    }

    List<SpecificRecord> certificates() {
        List<CreditAward> a = awards();
        return List.of(
                certificate(s1, id("L1"), 1, List.of(a.get(0), a.get(1)), "2025-01-06T18:05:00Z"),
                certificate(s1, id("L2"), 1, List.of(a.get(2)), "2025-01-06T18:05:00Z"),
                certificate(s1, id("L3"), 2, List.of(), "2025-01-07T18:05:00Z"),
                certificate(s2, id("L1"), 1, List.of(a.get(4)), "2025-01-14T16:05:00Z"),
                certificate(s2, id("L4"), 1, List.of(a.get(5)), "2025-01-14T16:05:00Z"),
                certificate(s3, id("L5"), 1, List.of(a.get(6)), "2025-01-20T20:05:00Z"),
                certificate(s4, id("L6"), 1, List.of(a.get(7)), "2025-01-08T16:05:00Z"));
    }

    List<SpecificRecord> compliance() {
        return List.of(
                Events.compliance(id("L1"), boardCa, ComplianceState.ON_TRACK, "2025-01-06T19:00:00Z"),
                Events.compliance(id("L2"), boardCa, ComplianceState.ON_TRACK, "2025-01-06T19:00:00Z"),
                Events.compliance(id("L2"), boardCa, ComplianceState.AT_RISK, "2025-01-20T19:00:00Z"),
                Events.compliance(id("L2"), boardCa, ComplianceState.ON_TRACK, "2025-01-10T19:00:00Z"),
                Events.compliance(id("L3"), boardCa, ComplianceState.AT_RISK, "2025-01-07T19:00:00Z"),
                Events.compliance(id("L4"), boardTx, ComplianceState.COMPLETE, "2025-01-14T19:00:00Z"),
                Events.compliance(id("L1"), boardTx, ComplianceState.OVERDUE, "2025-01-14T19:00:00Z"));
    }

    /** Everything, sessions first, as the other services would have published it. */
    List<SpecificRecord> all() {
        List<SpecificRecord> all = new ArrayList<>(sessions());
        all.addAll(attendance());
        all.addAll(awards());
        all.addAll(certificates());
        all.addAll(compliance());
        return all;
    }
}
