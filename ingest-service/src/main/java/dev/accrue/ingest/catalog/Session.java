package dev.accrue.ingest.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A validated course offering, as published to the sessions topic. Live sessions have
 * {@code startsAt}, {@code endsAt} and {@code timeZone}; self-study sessions have none of them and
 * may have a {@code passingScore}, live ones an {@code attendancePolicy} of the provider's.
 */
public record Session(
        String sessionId,
        String courseId,
        String providerId,
        String title,
        String description,
        Format format,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        List<TimeRange> breaks,
        double creditHours,
        List<CategoryHours> categories,
        List<Approval> approvals,
        Double passingScore,
        Instant updatedAt,
        AttendancePolicy attendancePolicy,
        String location,
        List<String> instructors) {

    public Session {
        breaks = List.copyOf(breaks);
        categories = List.copyOf(categories);
        approvals = List.copyOf(approvals);
        instructors = List.copyOf(instructors);
    }

    /**
     * The provider's own attendance rule for a live session, stricter than each body's (credit-service keeps the
     * body's rule as the ceiling); either part may be null.
     */
    public record AttendancePolicy(Integer toleranceMinutes, Integer minimumAttendedPercent) {
    }

    /** A half-open interval [startsAt, endsAt). */
    public record TimeRange(Instant startsAt, Instant endsAt) {
    }

    public record CategoryHours(Category category, double hours) {
    }

    /**
     * An approval; {@code jurisdiction} is the state of a state board or association chapter, else null.
     * {@code providerNumber} is the provider's own number at that body there, where it differs from the course's.
     */
    public record Approval(ApprovalBody body, String jurisdiction, String approvalId, String providerNumber) {

        public Approval(ApprovalBody body, String jurisdiction, String approvalId) {
            this(body, jurisdiction, approvalId, null);
        }
    }
}
