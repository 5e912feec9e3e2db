package dev.accrue.credit.bench;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.AccrualDecider;
import dev.accrue.credit.accrual.AccrualEvent;
import dev.accrue.credit.accrual.AccrualInput;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.accrual.FinalizeReason;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.catalog.TimeRange;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded, realistic inputs for the rules-engine benchmarks: a 3-hour live webinar with a break and
 * four approval bodies, each participant joining a few minutes late, reconnecting once or twice
 * (Zoom), with a redelivered event; and licensees with awards spread over their renewal cycles.
 */
final class BenchInputs {

    static final CreditRuleBook CREDIT_RULES = CreditRuleBook.load();
    static final Instant NOW = Fixtures.ENDS.plus(Duration.ofHours(1));

    static SessionDefinition webinar() {
        return Fixtures.live(3, List.of(new TimeRange(Fixtures.at("10:30"), Fixtures.at("10:45"))),
                ApprovalBody.APA, ApprovalBody.ASWB_ACE, ApprovalBody.IACET, ApprovalBody.STATE_BOARD);
    }

    static Licensee licensee(String licenseeId, License... licenses) {
        return new Licensee(licenseeId, "Ada", "Lovelace", "ada@example.org", List.of(licenses));
    }

    /** One participant's events, unsorted, with one repeated: about six per person. */
    static List<Attendance> participantEvents(String licenseeId, Random random) {
        List<Attendance> events = new ArrayList<>();
        Instant cursor = Fixtures.STARTS.plusSeconds(random.nextInt(600));
        int reconnects = 1 + random.nextInt(2);
        for (int i = 0; i <= reconnects; i++) {
            events.add(event(licenseeId, AttendanceType.JOINED, cursor, random));
            cursor = cursor.plusSeconds(1800 + random.nextInt(3600));
            if (i < reconnects || random.nextBoolean()) { // sometimes the last LEFT never comes
                events.add(event(licenseeId, AttendanceType.LEFT, cursor, random));
            }
            cursor = cursor.plusSeconds(30 + random.nextInt(120));
        }
        events.add(events.get(random.nextInt(events.size()))); // redelivered by the provider
        java.util.Collections.shuffle(events, random);
        return events;
    }

    private static Attendance event(String licenseeId, AttendanceType type, Instant at, Random random) {
        return new Attendance(Long.toHexString(random.nextLong()), Fixtures.SESSION, licenseeId, type, at, null, null);
    }

    /** The accrual after recording every event, as the topology stores it before the session is final. */
    static Accrual recorded(SessionDefinition session, Licensee licensee, List<Attendance> events) {
        Accrual state = Accrual.empty(licensee.licenseeId(), session.sessionId());
        for (Attendance event : events) {
            state = apply(state, new AccrualInput.RecordAttendance(event, session, licensee));
        }
        return state;
    }

    static Accrual finalized(SessionDefinition session, Licensee licensee, Accrual recorded) {
        return apply(recorded, new AccrualInput.FinalizeSession(FinalizeReason.CLOSED_BY_PROVIDER, session, licensee));
    }

    private static Accrual apply(Accrual state, AccrualInput input) {
        for (AccrualEvent event : AccrualDecider.decide(state, input, CREDIT_RULES, NOW)) {
            state = AccrualDecider.evolve(state, event);
        }
        return state;
    }

    /** {@code count} granted awards over the last six years, mixed bodies, formats and categories. */
    static List<Award> awards(String licenseeId, int count, Random random) {
        ApprovalBody[] bodies = ApprovalBody.values();
        Format[] formats = Format.values();
        Category[] categories = Category.values();
        LocalDate first = LocalDate.parse("2020-01-01");
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double hours = 1 + random.nextInt(12) / 2.0;
            Category category = categories[random.nextInt(categories.length)];
            String day = first.plusDays(random.nextInt(6 * 365)).toString();
            Award award = Fixtures.award("s-" + i, "c-" + random.nextInt(Math.max(1, count / 2)),
                    bodies[random.nextInt(bodies.length)], hours, formats[random.nextInt(formats.length)], day,
                    new CategoryHours(category, hours));
            awards.add(AwardBuilder.from(award).licensee(licenseeId).build());
        }
        return awards;
    }

    private BenchInputs() {
    }
}
