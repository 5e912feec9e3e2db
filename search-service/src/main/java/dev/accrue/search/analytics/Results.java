package dev.accrue.search.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answers of the analytics API, as plain records that serialise to the documented JSON. */
public final class Results {

    /** {@code {metric, interval, buckets:[{start, value}]}}; every bucket of the range is present, empty ones as 0. */
    public record Trend(String metric, String interval, List<Bucket> buckets) {
    }

    /** The headline figures of a range: each the trend's metric over the whole range. */
    public record Summary(double attendances, double creditHours, double certificates, double activeLicensees) {
    }

    public record Bucket(LocalDate start, double value) {
    }

    public record TopCourses(String by, List<CourseValue> courses) {
    }

    public record CourseValue(String courseKey, String courseId, String providerId, String title, double value) {
    }

    /** Per category or format: credit hours awarded and distinct attendees. */
    public record Breakdown(List<BreakdownRow> items) {
    }

    public record BreakdownRow(String key, double creditHours, long attendees) {
    }

    public record Completion(String groupBy, List<CompletionRow> rows) {
    }

    /**
     * @param joined licensees whose first JOINED (or SELF_STUDY_COMPLETED) in a course is in the range: per
     *               course their number, per provider the distinct licensees among them
     * @param earned distinct licensees awarded credit above 0 in the range
     * @param rate earned / joined, or 0 when nobody joined
     */
    public record CompletionRow(String key, String providerId, String title, long joined, long earned, double rate) {

        public static CompletionRow of(String key, String providerId, String title, long joined, long earned) {
            return new CompletionRow(key, providerId, title, joined, earned, rate(joined, earned));
        }

        /** Rounded to four decimals; above 1 when people earned credit for sessions joined before the range. */
        static double rate(long joined, long earned) {
            return joined == 0 ? 0 : Math.round(earned * 10_000.0 / joined) / 10_000.0;
        }
    }

    public record Compliance(List<BoardStatuses> boards) {
    }

    /** Distinct licensees per renewal status at one board, from the latest status of each licence. */
    public record BoardStatuses(String board, long licensees, Map<String, Long> statuses) {
    }

    private Results() {
    }
}
