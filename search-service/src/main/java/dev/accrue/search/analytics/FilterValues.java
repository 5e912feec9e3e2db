package dev.accrue.search.analytics;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values an analytics filter may name for content category, delivery format and accrediting
 * body: the event contracts' symbols. An unknown value is refused (400 naming the allowed ones) rather
 * than answered with an empty result that looks like "no training".
 * {@code FilterValuesTest} keeps these equal to the Avro enums.
 */
public final class FilterValues {

    public static final Set<String> CATEGORIES = sorted("GENERAL", "LAW_AND_ETHICS", "CULTURAL_DIVERSITY",
            "SUICIDE_PREVENTION", "DOMESTIC_VIOLENCE", "MEDICAL_ERRORS", "SUPERVISION", "TELEHEALTH", "HIV_AIDS",
            "LAWS_AND_RULES", "ETHICS", "ETHICS_AND_BOUNDARIES", "PROFESSIONAL_BOUNDARIES", "HUMAN_TRAFFICKING",
            "JURISPRUDENCE");
    public static final Set<String> FORMATS = sorted("IN_PERSON", "LIVE_WEBINAR", "SELF_STUDY");
    public static final Set<String> BODIES = sorted("APA", "NBCC", "ASWB_ACE", "IACET", "STATE_BOARD", "AAMFT", "ACA",
            "CALPCC", "CAMFT", "CPA", "NASP", "NASW");
    /**
     * Board codes are open-ended (boards come from credit's rule files, and ingest checks the licences),
     * so a board no licence has is an empty answer, and only the shape of a code is checked here.
     */
    private static final String BOARD_SHAPE = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    public static void require(String parameter, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(parameter + " '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    public static void requireBoardShape(String board) {
        if (!board.matches(BOARD_SHAPE)) {
            throw new IllegalArgumentException("board '" + board + "' is not a board code such as CA-BBS");
        }
    }

    private static Set<String> sorted(String... values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(values)));
    }

    private FilterValues() {
    }
}
