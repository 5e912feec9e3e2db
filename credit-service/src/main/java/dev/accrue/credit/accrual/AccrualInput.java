package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.licensee.Licensee;

/** What can happen to one licensee's accrual in one session. The session and licensee are looked up by the caller. */
public sealed interface AccrualInput {

    SessionDefinition session();

    Licensee licensee();

    record RecordAttendance(Attendance attendance, SessionDefinition session, Licensee licensee) implements AccrualInput {
    }

    record FinalizeSession(FinalizeReason reason, SessionDefinition session, Licensee licensee) implements AccrualInput {
    }
}
