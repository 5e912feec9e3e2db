package dev.accrue.credit.accrual;

import java.util.Optional;

/** What the transcript API reads: a licensee's transcript, held by the instance that owns the licensee. */
public interface TranscriptQueries {

    Optional<Transcript> transcript(String licenseeId);

    /** Whether this instance has the licensee's profile: a licensee with no credit yet reads as empty, not unknown. */
    boolean knowsLicensee(String licenseeId);
}
