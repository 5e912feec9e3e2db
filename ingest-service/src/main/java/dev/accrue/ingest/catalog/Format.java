package dev.accrue.ingest.catalog;

/** How a session is delivered. Live formats have a schedule; self-study has a post-test instead. */
public enum Format {
    IN_PERSON, LIVE_WEBINAR, SELF_STUDY;

    public boolean isLive() {
        return this != SELF_STUDY;
    }
}
