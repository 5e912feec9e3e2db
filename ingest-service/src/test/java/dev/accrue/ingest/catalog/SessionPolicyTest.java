package dev.accrue.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");

    static SessionInput live() {
        return new SessionInput("ethics-101", "acme", "Law and Ethics", "Three hours", "LIVE_WEBINAR",
                "2025-03-01T09:00:00-08:00", "2025-03-01T12:15:00-08:00", "America/Los_Angeles",
                List.of(new SessionInput.BreakInput("2025-03-01T10:30:00-08:00", "2025-03-01T10:45:00-08:00")),
                3.0, List.of(new SessionInput.CategoryInput("LAW_AND_ETHICS", 3.0)),
                List.of(new SessionInput.ApprovalInput("APA", null, "APA-1")), null, null, null, List.of());
    }

    static SessionInput selfStudy() {
        return new SessionInput("home-1", "acme", "Home study", null, "SELF_STUDY", null, null, null, null, 2.0,
                List.of(), List.of(), 75.0, null, null, List.of());
    }

    @Test
    void aValidLiveSessionIsAccepted() {
        Session session = SessionPolicy.validate("s-1", live(), NOW);

        assertThat(session.startsAt()).isEqualTo(Instant.parse("2025-03-01T17:00:00Z"));
        assertThat(session.breaks()).hasSize(1);
        assertThat(session.description()).isEqualTo("Three hours");
        assertThat(session.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aValidSelfStudySessionIsAcceptedWithoutSchedule() {
        Session session = SessionPolicy.validate("s-2", selfStudy(), NOW);

        assertThat(session.startsAt()).isNull();
        assertThat(session.passingScore()).isEqualTo(75.0);
        assertThat(session.description()).isEmpty();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        SessionInput in = new SessionInput("", "acme!", " ", null, "WEBINAR", null, null, null, null, -1.0, null, null, null, null, null, List.of());

        assertThat(errorsOf("s 1", in)).extracting(FieldError::field)
                .contains("sessionId", "courseId", "providerId", "title", "format", "creditHours");
    }

    @Test
    void endsAtMustBeAfterStartsAt() {
        SessionInput in = withSchedule("2025-03-01T12:00:00-08:00", "2025-03-01T09:00:00-08:00");

        assertThat(errorsOf("s-1", in)).containsExactly(new FieldError("endsAt", "must be after startsAt"));
    }

    @Test
    void timestampsWithoutOffsetAreRefused() {
        SessionInput in = withSchedule("2025-03-01T09:00:00", "2025-03-01T12:00:00-08:00");

        assertThat(errorsOf("s-1", in)).extracting(FieldError::field).containsExactly("startsAt");
    }

    @Test
    void categoryHoursMayNotSumToMoreThanCreditHours() {
        SessionInput base = live();
        SessionInput in = new SessionInput(base.courseId(), base.providerId(), base.title(), null, base.format(),
                base.startsAt(), base.endsAt(), base.timeZone(), base.breaks(), 3.0,
                List.of(new SessionInput.CategoryInput("LAW_AND_ETHICS", 2.0), new SessionInput.CategoryInput("GENERAL", 1.5)),
                List.of(), null, null, null, List.of());

        assertThat(errorsOf("s-1", in)).extracting(FieldError::field).containsExactly("categories");
    }

    @Test
    void creditHoursMayNotExceedInstructionTimeWithoutBreaks() {
        SessionInput base = live();
        SessionInput in = new SessionInput(base.courseId(), base.providerId(), base.title(), null, base.format(),
                base.startsAt(), base.endsAt(), base.timeZone(), base.breaks(), 3.25, List.of(), List.of(), null, null, null, List.of());

        assertThat(errorsOf("s-1", in)).extracting(FieldError::field).containsExactly("creditHours");
    }

    @Test
    void selfStudyHasNoScheduleAndLiveHasNoPassingScore() {
        SessionInput s = selfStudy();
        SessionInput scheduled = new SessionInput(s.courseId(), s.providerId(), s.title(), null, "SELF_STUDY",
                "2025-03-01T09:00:00Z", null, "UTC", null, 2.0, null, null, null, null, null, List.of());
        SessionInput l = live();
        SessionInput scored = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(),
                l.endsAt(), l.timeZone(), null, 1.0, null, null, 80.0, null, null, List.of());

        assertThat(errorsOf("s-1", scheduled)).extracting(FieldError::field).containsExactly("startsAt", "timeZone");
        assertThat(errorsOf("s-1", scored)).extracting(FieldError::field).containsExactly("passingScore");
    }

    @Test
    void breaksMustLieInsideTheSessionAndNotOverlap() {
        SessionInput l = live();
        SessionInput in = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(),
                l.endsAt(), l.timeZone(), List.of(
                        new SessionInput.BreakInput("2025-03-01T10:00:00-08:00", "2025-03-01T10:30:00-08:00"),
                        new SessionInput.BreakInput("2025-03-01T10:15:00-08:00", "2025-03-01T10:45:00-08:00"),
                        new SessionInput.BreakInput("2025-03-01T08:00:00-08:00", "2025-03-01T08:30:00-08:00")),
                1.0, null, null, null, null, null, List.of());

        assertThat(errorsOf("s-1", in)).extracting(FieldError::field).containsExactly("breaks[2]", "breaks");
    }

    @Test
    void unknownEnumValuesNameTheAllowedOnes() {
        SessionInput l = live();
        SessionInput in = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(),
                l.endsAt(), l.timeZone(), null, 1.0, List.of(new SessionInput.CategoryInput("ETHIKS", 1.0)),
                List.of(new SessionInput.ApprovalInput("ABC", null, "x")), null, null, null, List.of());

        List<FieldError> errors = errorsOf("s-1", in);
        assertThat(errors).extracting(FieldError::field).containsExactly("categories[0].category", "approvals[0].body");
        assertThat(errors.get(0).message()).contains("LAW_AND_ETHICS");
    }

    @Test
    void anInvalidTimeZoneIsRefused() {
        SessionInput l = live();
        SessionInput in = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(),
                l.endsAt(), "-08:00", null, 1.0, null, null, null, null, null, List.of());

        assertThat(errorsOf("s-1", in)).extracting(FieldError::field).containsExactly("timeZone");
    }

    private static SessionInput withApprovals(SessionInput.ApprovalInput... approvals) {
        SessionInput l = live();
        return new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(), l.endsAt(),
                l.timeZone(), l.breaks(), l.creditHours(), l.categories(), List.of(approvals), null, null, null, List.of());
    }

    @Test
    void twoStateBoardsApprovalsAreTwoApprovalsEachWithItsState() {
        Session session = SessionPolicy.validate("s-1", withApprovals(
                new SessionInput.ApprovalInput("STATE_BOARD", "FL", "50-1234"),
                new SessionInput.ApprovalInput("STATE_BOARD", "OH", "RCS-0999"),
                new SessionInput.ApprovalInput("NASW", "OH", "NASW-OH-1"),
                new SessionInput.ApprovalInput("NASW", null, "886")), NOW);

        assertThat(session.approvals()).extracting(Session.Approval::body, Session.Approval::jurisdiction)
                .containsExactly(tuple(ApprovalBody.STATE_BOARD, "FL"),
                        tuple(ApprovalBody.STATE_BOARD, "OH"),
                        tuple(ApprovalBody.NASW, "OH"),
                        tuple(ApprovalBody.NASW, null));
    }

    @Test
    void aStateBoardApprovalMustNameItsStateAndOnlyOneApprovalPerBodyAndStateIsAllowed() {
        List<FieldError> errors = errorsOf("s-1", withApprovals(
                new SessionInput.ApprovalInput("STATE_BOARD", null, "50-1234"),
                new SessionInput.ApprovalInput("STATE_BOARD", "Florida", "50-1234"),
                new SessionInput.ApprovalInput("NBCC", null, "N-1"),
                new SessionInput.ApprovalInput("NBCC", null, "N-2")));

        assertThat(errors).extracting(FieldError::field).containsExactly("approvals[0].jurisdiction",
                "approvals[1].jurisdiction", "approvals[3]");
        assertThat(errors.get(0).message()).contains("required for STATE_BOARD");
        assertThat(errors.get(1).message()).contains("two-letter US state").contains("'Florida'");
        assertThat(errors.get(2).message()).contains("repeats an approval by NBCC");
    }

    @Test
    void aMultiDaySessionMustHaveItsNightsAsBreaks() {
        SessionInput l = live();
        SessionInput threeDays = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(),
                "2025-03-03T09:00:00-08:00", "2025-03-05T17:00:00-08:00", l.timeZone(), null, 12.0, null, null, null, null, null, List.of());
        assertThat(errorsOf("s-1", threeDays)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("breaks");
            assertThat(e.message()).contains("nights as breaks");
        });

        SessionInput withNights = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(),
                "2025-03-03T09:00:00-08:00", "2025-03-05T17:00:00-08:00", l.timeZone(),
                List.of(new SessionInput.BreakInput("2025-03-03T17:00:00-08:00", "2025-03-04T09:00:00-08:00"),
                        new SessionInput.BreakInput("2025-03-04T17:00:00-08:00", "2025-03-05T09:00:00-08:00")),
                24.0, null, null, null, null, null, List.of());
        assertThat(SessionPolicy.validate("s-1", withNights, NOW).breaks()).hasSize(2);
    }

    private static SessionInput withPolicy(SessionInput l, SessionInput.AttendancePolicyInput policy) {
        return new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(), l.endsAt(),
                l.timeZone(), l.breaks(), l.creditHours(), l.categories(), l.approvals(), l.passingScore(), policy, null, List.of());
    }

    @Test
    void aLiveSessionMayCarryTheProvidersStricterAttendancePolicy() {
        Session session = SessionPolicy.validate("s-1",
                withPolicy(live(), new SessionInput.AttendancePolicyInput(5, 80)), NOW);

        assertThat(session.attendancePolicy()).isEqualTo(new Session.AttendancePolicy(5, 80));
    }

    @Test
    void anAttendancePolicyOutOfBoundsOrOnSelfStudyIsRefused() {
        assertThat(errorsOf("s-1", withPolicy(live(), new SessionInput.AttendancePolicyInput(-1, 0))))
                .extracting(FieldError::field)
                .containsExactly("attendancePolicy.toleranceMinutes", "attendancePolicy.minimumAttendedPercent");
        assertThat(errorsOf("s-1", withPolicy(live(), new SessionInput.AttendancePolicyInput(null, null))))
                .extracting(FieldError::field).containsExactly("attendancePolicy");
        assertThat(errorsOf("s-1", withPolicy(selfStudy(), new SessionInput.AttendancePolicyInput(5, null))))
                .extracting(FieldError::field).containsExactly("attendancePolicy");
    }

    @Test
    void locationAndInstructorsAreKeptForCertificatesAndBounded() {
        SessionInput l = live();
        Session session = SessionPolicy.validate("s-1", new SessionInput(l.courseId(), l.providerId(), l.title(), null,
                l.format(), l.startsAt(), l.endsAt(), l.timeZone(), l.breaks(), l.creditHours(), l.categories(),
                l.approvals(), null, null, "Online, Zoom", List.of("Dana Reyes, PhD")), NOW);
        assertThat(session.location()).isEqualTo("Online, Zoom");
        assertThat(session.instructors()).containsExactly("Dana Reyes, PhD");

        SessionInput tooMany = new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), l.startsAt(),
                l.endsAt(), l.timeZone(), l.breaks(), l.creditHours(), l.categories(), l.approvals(), null, null,
                "x".repeat(301), Collections.nCopies(11, "Instructor"));
        assertThat(errorsOf("s-1", tooMany)).extracting(FieldError::field).containsExactly("location", "instructors");
    }

    private static SessionInput withSchedule(String startsAt, String endsAt) {
        SessionInput l = live();
        return new SessionInput(l.courseId(), l.providerId(), l.title(), null, l.format(), startsAt, endsAt,
                l.timeZone(), null, 1.0, null, null, null, null, null, List.of());
    }

    static List<FieldError> errorsOf(String sessionId, SessionInput in) {
        try {
            SessionPolicy.validate(sessionId, in, NOW);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected validation errors");
    }
}
