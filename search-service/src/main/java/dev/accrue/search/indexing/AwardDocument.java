package dev.accrue.search.indexing;

import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.catalog.CategoryHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The latest revision of one credit award (one licensee, session and approval: body and jurisdiction). The
 * award event already carries what analysts filter on (course, title, provider, format, body and the scaled
 * category hours), so it is denormalised from itself. It is written with its revision as external version:
 * a newer revision replaces the older one, a replay or a late older revision changes nothing. A revoked
 * award (0 hours) stays indexed with {@code earned=false}, so its revision still guards against older ones.
 * {@code licenses} are the licensee's licences in the approval's state (empty for a national body): the board
 * roster export names them. {@code hoursByCategory} holds the same hours as {@code categoryHours}, one plain
 * field per category, so analytics sum a category's hours without a nested aggregation (docs/design.md §14).
 */
public record AwardDocument(
        String awardId, int revision, String licenseeId, String participation, String sessionId, String courseId,
        String courseKey, String providerId, String title, String format, String body, String jurisdiction,
        String approvalId,
        double hours, boolean earned, Double ceu, List<CategoryHours> categoryHours, List<String> categories,
        Map<String, Double> hoursByCategory, int attendedMinutes, int scheduledMinutes, Instant completedAt, Instant awardedAt, String ruleVersion,
        List<ReportedLicense> licenses) {

    public AwardDocument {
        categoryHours = List.copyOf(categoryHours);
        categories = List.copyOf(categories);
        hoursByCategory = Map.copyOf(hoursByCategory);
        licenses = List.copyOf(licenses);
    }

    /** A licence a roster report to the approval's state names, as its board lists it. */
    public record ReportedLicense(String board, String licenseType, String licenseNumber) {
    }

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.AWARDS, DocumentIds.of(awardId), OptionalLong.of(revision), this);
    }

    /** Each category's hours, a category named twice summed once. */
    public static Map<String, Double> hoursByCategory(List<CategoryHours> categoryHours) {
        Map<String, Double> hours = new TreeMap<>();
        categoryHours.forEach(c -> hours.merge(c.category(), c.hours(), Double::sum));
        return hours;
    }

    /** Course key as on sessions, so awards and attendance group the same way. */
    public static String courseKey(String providerId, String courseId) {
        return CatalogSession.courseKey(providerId, courseId);
    }
}
