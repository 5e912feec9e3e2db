package dev.accrue.credit.accrual;

import java.util.Collection;
import java.util.Optional;

/**
 * The most awards one licensee's transcript holds: {@value #AWARDS}, revoked ones included, since the
 * transcript keeps them. That is decades of CE for one person (three bodies' awards for each of 20 sessions a
 * year is 60 a year), so it refuses only abuse. The transcript is one store value, and so one changelog record,
 * per licensee; a record its changelog cannot take cannot be written at all, and under exactly-once that stalls
 * the partition. The largest award ingest lets through (ids of 128 characters, a 300-character title, every
 * category) is about 2.5 KB in the JSON write format and less in binary, so a full transcript stays under about
 * 5 MB even then, inside the 8 MB its changelog takes ({@code CreditTopology}), and is about 1 MB for typical
 * awards. A new award past the limit is refused with the reason; a revision of an award already on the
 * transcript never is.
 */
public final class TranscriptLimit {

    public static final int AWARDS = 2_000;

    /** Why these awards cannot go on the transcript; empty when they can. */
    public static Optional<String> refusal(Transcript transcript, Collection<Award> awards) {
        long added = awards.stream().map(Award::awardId).distinct().filter(id -> !transcript.holds(id)).count();
        if (added == 0 || transcript.awards().size() + added <= AWARDS) {
            return Optional.empty();
        }
        String sessions = String.join("', '", awards.stream().map(Award::sessionId).distinct().toList());
        return Optional.of("Licensee '" + transcript.licenseeId() + "' already has " + transcript.awards().size()
                + " awards on their transcript, the most one licensee may have (" + AWARDS + "); the new award for"
                + " session '" + sessions + "' was not granted and the credit stays as it is");
    }

    private TranscriptLimit() {
    }
}
