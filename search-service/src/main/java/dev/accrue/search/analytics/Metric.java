package dev.accrue.search.analytics;

import java.util.Arrays;

/**
 * What a trend counts per time bucket, by its API name ({@code metric=}). Distinct counts use
 * Elasticsearch's cardinality aggregation, exact below 40,000 per bucket.
 */
public enum Metric {
    /**
     * Distinct (licensee, session) pairs with a JOINED or SELF_STUDY_COMPLETED event; rejoining the same session
     * the same day counts once.
     */
    ATTENDANCES("attendances"),
    /**
     * Hours awarded, summed over awards by completion time. Each accrediting body's award counts (hours issued per
     * body); filter by {@code body} for one body's view.
     */
    CREDIT_HOURS("creditHours"),
    /** Awards whose latest revision grants credit above 0, by completion time. */
    AWARDS("awards"),
    /** Certificates not revoked, by issue time of their latest revision. */
    CERTIFICATES("certificates"),
    /** Distinct licensees with a JOINED or SELF_STUDY_COMPLETED event. */
    ACTIVE_LICENSEES("activeLicensees");

    private final String apiName;

    Metric(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Metric parse(String value) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric must be one of attendances, creditHours, "
                        + "awards, certificates, activeLicensees; got '" + value + "'"));
    }
}
