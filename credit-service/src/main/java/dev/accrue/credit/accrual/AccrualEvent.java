package dev.accrue.credit.accrual;

import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.certificate.Certificate;
import java.time.Instant;

/** What the accrual decider decided. {@link AwardDecided} and {@link CertificateDecided} are published. */
public sealed interface AccrualEvent {

    record AttendanceRecorded(Attendance attendance, Instant receivedAt) implements AccrualEvent {
    }

    /** Not applied: the accrual holds the most facts it may ({@link AccrualLimit}); the event goes to rejections. */
    record AttendanceRefused(Attendance attendance, String reason) implements AccrualEvent {
    }

    record SessionFinalized(FinalizeReason reason, Instant at) implements AccrualEvent {
    }

    record AwardDecided(Award award) implements AccrualEvent {
    }

    record CertificateDecided(Certificate certificate) implements AccrualEvent {
    }
}
