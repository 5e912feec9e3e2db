package dev.accrue.ingest.attendance;

/** How an event reached Accrue, kept on the event for audits. */
public enum AttendanceSource {
    API, BATCH, ROSTER_CSV, ZOOM_CSV
}
