package dev.accrue.ingest.attendance;

/** What a licensee did: joined or left a live session, or completed a self-study course. */
public enum AttendanceType {
    JOINED, LEFT, SELF_STUDY_COMPLETED
}
