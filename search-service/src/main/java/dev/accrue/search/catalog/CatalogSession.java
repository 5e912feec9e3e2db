package dev.accrue.search.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A session of the catalog as it is indexed and searched: the latest definition from the compacted
 * sessions topic, plus the fields analysts filter on worked out once ({@code courseKey},
 * {@code categories}, {@code bodies}). Attendance documents copy these fields at index time.
 *
 * @param courseKey providerId and courseId together, because course ids are only unique per provider
 * @param timeZone the IANA zone the session is held in (dates on reports are its local dates); null for self-study
 */
public record CatalogSession(
        String sessionId,
        String courseId,
        String courseKey,
        String providerId,
        String title,
        String description,
        String format,
        double creditHours,
        List<CategoryHours> categoryHours,
        List<String> categories,
        List<Approval> approvals,
        List<String> bodies,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant updatedAt) {

    public CatalogSession {
        categoryHours = List.copyOf(categoryHours);
        categories = List.copyOf(categories);
        approvals = List.copyOf(approvals);
        bodies = List.copyOf(bodies);
    }

    /** Builds a session, deriving the course key and the category and body lists. */
    public static CatalogSession of(String sessionId, String courseId, String providerId, String title, String description,
                                    String format, double creditHours, List<CategoryHours> categoryHours,
                                    List<Approval> approvals, Instant startsAt, Instant endsAt, String timeZone,
                                    Instant updatedAt) {
        return new CatalogSession(sessionId, courseId, courseKey(providerId, courseId), providerId, title, description,
                format, creditHours, categoryHours, CategoryNames.of(categoryHours),
                approvals, approvals.stream().map(Approval::body).distinct().toList(), startsAt, endsAt, timeZone, updatedAt);
    }

    public static String courseKey(String providerId, String courseId) {
        return providerId + "/" + courseId;
    }
}
