package dev.accrue.credit.attendance;

/** What a licensee did in a session. */
public enum AttendanceType {
    JOINED, LEFT, SELF_STUDY_COMPLETED
}
