package dev.accrue.credit.catalog;

/** How a session is delivered; it is printed on certificates and some boards cap self-study. */
public enum Format {
    IN_PERSON, LIVE_WEBINAR, SELF_STUDY;

    /** Words for certificates, as ASWB ACE asks ("live interactive webinar"). */
    public String label() {
        return switch (this) {
            case IN_PERSON -> "in-person workshop";
            case LIVE_WEBINAR -> "live interactive webinar";
            case SELF_STUDY -> "self-study (home study)";
        };
    }
}
