package dev.accrue.credit.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timers and topics of the credit topology ({@code accrue.credit.streams.*}).
 *
 * @param finalizationGrace how long after {@code endsAt} a live session stays open for late attendance
 * @param quietPeriod how long no attendance for a session must have arrived before it is finalized after the grace
 *        period (sessions their provider did not close)
 * @param closureSettle how long a task must have read no attendance at all, after it saw a session's closure,
 *        before the closed session is final even though the task has not read attendance published after the
 *        closure (an idle system); see {@link dev.accrue.credit.accrual.FinalizationPolicy}
 * @param finalizationCheckInterval how often (wall clock) sessions are checked for closure or quiet, and held
 *        attendance is retried against sessions that appeared since
 * @param complianceCheckInterval how often every licence is re-evaluated, since standing changes with the date alone
 * @param certificatesByIdTopic compacted topic of certificates keyed by certificate number, owned by this service
 * @param unknownReferenceWait how long attendance whose licensee or session is not known yet is held before it
 *        is rejected (a profile or session created just before its attendance may reach this service later)
 * @param unknownReferenceHoldLimit the most attendance events held per licensee; one more is rejected at once
 * @param unknownReferenceTaskHoldLimit the most attendance events held in total by one task (one partition of
 *        attendance, whatever the licensees); one more is rejected at once
 * @param accrualRetention how long after a live session's end its accruals (the attendance events behind its awards)
 *        are kept; then they are deleted, and attendance for the session is rejected instead of credited
 * @param retentionCheckInterval how often (wall clock) accruals past the retention are looked for and deleted
 * @param retentionCheckLimit the most sessions a retention check looks at, and the most accrual keys it deletes, in
 *        one punctuation (one exactly-once transaction); an unfinished check goes on at the next finalization check
 */
@ConfigurationProperties("accrue.credit.streams")
public record CreditStreamsProperties(
        @DefaultValue("30m") Duration finalizationGrace,
        @DefaultValue("5m") Duration quietPeriod,
        @DefaultValue("10s") Duration closureSettle,
        @DefaultValue("5s") Duration finalizationCheckInterval,
        @DefaultValue("1h") Duration complianceCheckInterval,
        @DefaultValue("accrue.credit.certificates-by-id") String certificatesByIdTopic,
        @DefaultValue("10m") Duration unknownReferenceWait,
        @DefaultValue("1000") int unknownReferenceHoldLimit,
        @DefaultValue("100000") int unknownReferenceTaskHoldLimit,
        @DefaultValue("400d") Duration accrualRetention,
        @DefaultValue("1h") Duration retentionCheckInterval,
        @DefaultValue("10000") int retentionCheckLimit) {

    public CreditStreamsProperties {
        // Accruals must outlive everything that still credits a session: its finalization (end + grace + quiet)
        // and attendance held for an unknown reference until it is credited (+ wait).
        Duration lastCredit = finalizationGrace.plus(quietPeriod).plus(unknownReferenceWait);
        if (accrualRetention.compareTo(lastCredit) <= 0) {
            throw new IllegalArgumentException("accrue.credit.streams.accrual-retention (" + accrualRetention
                    + ") must be longer than finalization-grace + quiet-period + unknown-reference-wait (" + finalizationGrace
                    + " + " + quietPeriod + " + " + unknownReferenceWait + " = " + lastCredit
                    + "), or accruals could be deleted before their session is final or its held attendance is credited");
        }
        if (retentionCheckLimit < 1) {
            throw new IllegalArgumentException("accrue.credit.streams.retention-check-limit must be at least 1, not "
                    + retentionCheckLimit);
        }
    }
}
