package dev.accrue.ingest.catalog.web;

import dev.accrue.ingest.catalog.SessionInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of PUT /v1/sessions/{sessionId}. Enums and timestamps are read as text and checked by the catalog rules. */
record SessionRequest(
        @Schema(example = "ethics-101", requiredMode = Schema.RequiredMode.REQUIRED) String courseId,
        @Schema(example = "acme", requiredMode = Schema.RequiredMode.REQUIRED) String providerId,
        @Schema(example = "Law and Ethics for Therapists", maxLength = 300, requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(maxLength = 10_000) String description,
        @Schema(allowableValues = {"IN_PERSON", "LIVE_WEBINAR", "SELF_STUDY"}, requiredMode = Schema.RequiredMode.REQUIRED) String format,
        @Schema(format = "date-time", example = "2025-03-01T09:00:00-08:00", description = "Live formats only") String startsAt,
        @Schema(format = "date-time", example = "2025-03-01T12:15:00-08:00", description = "Live formats only") String endsAt,
        @Schema(example = "America/Los_Angeles", description = "IANA zone, live formats only") String timeZone,
        List<Break> breaks,
        @Schema(example = "3", description = "Above 0, at most 200, in hundredths; live sessions: at most the scheduled time") Double creditHours,
        List<CategoryHours> categories,
        List<Approval> approvals,
        @Schema(example = "75", description = "Percent, SELF_STUDY only") Double passingScore,
        @Schema(description = "Live formats only: the provider's own stricter attendance rule; each body's rule stays"
                + " the ceiling") AttendancePolicy attendancePolicy,
        @Schema(example = "Online, Zoom", description = "Where it is held, as certificates print it") String location,
        @Schema(example = "[\"Dana Reyes, PhD\"]", description = "Instructors, as certificates print them")
        List<String> instructors) {

    record AttendancePolicy(
            @Schema(example = "5", description = "At most this many minutes missed for full credit from"
                    + " full-attendance bodies (0 to 240)") Integer toleranceMinutes,
            @Schema(example = "80", description = "No credit from any body below this percent of the scheduled"
                    + " minutes (1 to 100)") Integer minimumAttendedPercent) {
    }

    record Break(@Schema(format = "date-time") String startsAt, @Schema(format = "date-time") String endsAt) {
    }

    record CategoryHours(
            @Schema(allowableValues = {"GENERAL", "LAW_AND_ETHICS", "CULTURAL_DIVERSITY", "SUICIDE_PREVENTION",
                    "DOMESTIC_VIOLENCE", "MEDICAL_ERRORS", "SUPERVISION", "TELEHEALTH", "HIV_AIDS", "LAWS_AND_RULES",
                    "ETHICS", "ETHICS_AND_BOUNDARIES", "PROFESSIONAL_BOUNDARIES", "HUMAN_TRAFFICKING", "JURISPRUDENCE"},
                    description = "What the content covers; each board's rules map it to the board's own categories")
            String category,
            Double hours) {
    }

    record Approval(@Schema(allowableValues = {"APA", "NBCC", "ASWB_ACE", "IACET", "STATE_BOARD", "AAMFT", "ACA", "CALPCC",
                            "CAMFT", "CPA", "NASP", "NASW"}) String body,
                    @Schema(example = "FL", description = "Two-letter US state of a state board (required for STATE_BOARD:"
                            + " FL, OH, NY for NYSED) or of an association chapter (NASW OH); omit for a national body")
                    String jurisdiction,
                    @Schema(example = "20-654321", description = "The approval number the body issued for this offering"
                            + " (CE Broker: the course tracking number)") String approvalId,
                    @Schema(example = "50-12345", description = "Optional: the provider's own tracking number at this body in"
                            + " this jurisdiction (CE Broker: 50-...), which roster exports to the board need")
                    String providerNumber) {
    }

    SessionInput toInput() {
        return new SessionInput(courseId, providerId, title, description, format, startsAt, endsAt, timeZone,
                breaks == null ? null : breaks.stream().map(b -> b == null ? null : new SessionInput.BreakInput(b.startsAt(), b.endsAt())).toList(),
                creditHours,
                categories == null ? null : categories.stream().map(c -> c == null ? null : new SessionInput.CategoryInput(c.category(), c.hours())).toList(),
                approvals == null ? null : approvals.stream().map(a -> a == null ? null : new SessionInput.ApprovalInput(a.body(), a.jurisdiction(), a.approvalId(),
                        a.providerNumber())).toList(),
                passingScore, attendancePolicy == null ? null : new SessionInput.AttendancePolicyInput(
                        attendancePolicy.toleranceMinutes(), attendancePolicy.minimumAttendedPercent()), location, instructors);
    }
}
