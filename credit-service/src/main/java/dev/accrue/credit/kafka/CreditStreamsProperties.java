package dev.accrue.credit.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timers and topics of the credit topology ({@code accrue.credit.streams.*}).
 *
 * @param finalizationGrace how long after {@code endsAt} a live session stays open for late attendance
 * @param quietPeriod how long no attendance for a session must have arrived before it is finalized
 * @param finalizationCheckInterval how often (wall clock) sessions are checked for closure or quiet
 * @param complianceCheckInterval how often every licence is re-evaluated, since standing changes with the date alone
 * @param certificatesByIdTopic compacted topic of certificates keyed by certificate number, owned by this service
 */
@ConfigurationProperties("accrue.credit.streams")
public record CreditStreamsProperties(
        @DefaultValue("30m") Duration finalizationGrace,
        @DefaultValue("5m") Duration quietPeriod,
        @DefaultValue("5s") Duration finalizationCheckInterval,
        @DefaultValue("1h") Duration complianceCheckInterval,
        @DefaultValue("accrue.credit.certificates-by-id") String certificatesByIdTopic) {
}
