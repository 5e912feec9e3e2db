package dev.accrue.search.analytics;

import java.util.Arrays;

/**
 * What a trend counts per time bucket:
 * <ul>
 *   <li>attendances: distinct (licensee, session) pairs with a JOINED or SELF_STUDY_COMPLETED event;
 *   rejoining the same session the same day counts once;</li>
 *   <li>creditHours: hours awarded, summed over awards by completion time. Each accrediting body's
 *   award counts (hours issued per body); filter by {@code body} for one body's view;</li>
 *   <li>awards: awards whose latest revision grants credit above 0, by completion time;</li>
 *   <li>certificates: certificates not revoked, by issue time of their latest revision;</li>
 *   <li>activeLicensees: distinct licensees with a JOINED or SELF_STUDY_COMPLETED event.</li>
 * </ul>
 * Distinct counts use Elasticsearch's cardinality aggregation, exact below 40,000 per bucket.
 */
public enum Metric {
    ATTENDANCES("attendances"), CREDIT_HOURS("creditHours"), AWARDS("awards"), CERTIFICATES("certificates"),
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
