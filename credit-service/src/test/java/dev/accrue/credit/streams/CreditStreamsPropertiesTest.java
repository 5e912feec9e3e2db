package dev.accrue.credit.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings are checked when they are bound, so a retention too short to be safe stops the start-up. */
class CreditStreamsPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(CreditStreamsProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsBind() {
        context.run(started -> assertThat(started.getBean(CreditStreamsProperties.class).accrualRetention())
                .isEqualTo(Duration.ofDays(400)));
    }

    @Test
    void aRetentionNotLongerThanGracePlusQuietPeriodPlusUnknownReferenceWaitFailsTheStartUp() {
        context.withPropertyValues("accrue.credit.streams.finalization-grace=30m", "accrue.credit.streams.quiet-period=5m",
                        "accrue.credit.streams.unknown-reference-wait=10m", "accrue.credit.streams.accrual-retention=45m")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("accrue.credit.streams.accrual-retention (PT45M) must be longer than"
                                + " finalization-grace + quiet-period + unknown-reference-wait (PT30M + PT5M + PT10M = PT45M)"));
        context.withPropertyValues("accrue.credit.streams.accrual-retention=46m")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void aRetentionCheckLimitBelowOneFailsTheStartUp() {
        context.withPropertyValues("accrue.credit.streams.retention-check-limit=0")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("retention-check-limit must be at least 1"));
    }
}
