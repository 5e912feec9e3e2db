package dev.accrue.credit.accrual;

import dev.accrue.credit.catalog.SessionDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the accruals of a live session (the attendance events behind its awards) are kept: until
 * {@code retention} after the session's end. Then they are deleted; the awards stay on transcripts and
 * certificates. A late event after that cannot be credited correctly any more (the earlier events it
 * would be combined with are gone), so it is rejected with this reason instead of being credited on its
 * own. Self-study sessions have no end and their accruals are kept.
 */
public record AccrualRetention(Duration retention) {

    public AccrualRetention {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The accrual retention must be positive");
        }
    }

    /** True once the accruals of a session that ended at {@code endsAt} are no longer kept. */
    public boolean expired(Instant endsAt, Instant now) {
        return endsAt != null && !now.isBefore(endsAt.plus(retention));
    }

    /** Why attendance for {@code session} can no longer be credited at {@code now}; empty while it can. */
    public Optional<String> refusal(SessionDefinition session, Instant now) {
        if (session.isSelfStudy() || !expired(session.endsAt(), now)) {
            return Optional.empty();
        }
        return Optional.of("Session '" + session.sessionId() + "' ended at " + session.endsAt() + ", more than "
                + describe(retention) + " ago; its accruals are no longer kept (accrual retention), so attendance for it"
                + " can no longer be credited");
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? duration.toDays() + " days" : duration.toString();
    }
}
