package dev.accrue.ingest.catalog;

import java.util.List;

/**
 * A session as a client sent it, before any rule is checked: enums and timestamps are still text,
 * so every problem can be reported per field rather than as a parse failure.
 */
public record SessionInput(
        String courseId,
        String providerId,
        String title,
        String description,
        String format,
        String startsAt,
        String endsAt,
        String timeZone,
        List<BreakInput> breaks,
        Double creditHours,
        List<CategoryInput> categories,
        List<ApprovalInput> approvals,
        Double passingScore,
        AttendancePolicyInput attendancePolicy,
        String location,
        List<String> instructors) {

    public record BreakInput(String startsAt, String endsAt) {
    }

    public record CategoryInput(String category, Double hours) {
    }

    public record AttendancePolicyInput(Integer toleranceMinutes, Integer minimumAttendedPercent) {
    }

    public record ApprovalInput(String body, String jurisdiction, String approvalId, String providerNumber) {

        public ApprovalInput(String body, String jurisdiction, String approvalId) {
            this(body, jurisdiction, approvalId, null);
        }
    }
}
