package dev.accrue.search.reporting;

import dev.accrue.search.catalog.CategoryHours;
import java.time.LocalDate;
import java.util.List;

/**
 * One completion as a board roster reports it: one award (one licensee, session and approval) for one licence the
 * licensee holds in the approval's state. {@code fullCredit} says the award is the session's whole credit; a
 * partial award reports its hours per subject ({@code subjects}, which sum to {@code hours}).
 *
 * @param key the award and the licence, so a licence number that changes is a revocation and a new line
 */
public record RosterLine(String key, String awardId, String licenseeId, String board, String licenseType,
                         String licenseNumber, LocalDate completionDate, double hours, boolean fullCredit,
                         List<CategoryHours> subjects) {

    public RosterLine {
        subjects = List.copyOf(subjects);
    }

    public static String key(String awardId, String board, String licenseNumber) {
        return awardId + "|" + board + "|" + licenseNumber;
    }

    /** Whether a board that holds {@code reported} would need to change it to hold this line. */
    boolean differsFrom(RosterLine reported) {
        return !completionDate.equals(reported.completionDate) || Math.abs(hours - reported.hours) > 1e-9
                || fullCredit != reported.fullCredit || !licenseType.equals(reported.licenseType)
                || !subjects.equals(reported.subjects);
    }
}
