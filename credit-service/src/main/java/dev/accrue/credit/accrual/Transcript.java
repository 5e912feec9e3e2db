package dev.accrue.credit.accrual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The latest revision of every award a licensee was ever granted (revoked ones included, with 0 hours); at most
 * {@link TranscriptLimit#AWARDS}, which the credit engine checks before it adds one.
 */
public record Transcript(String licenseeId, List<Award> awards) {

    public Transcript {
        awards = List.copyOf(awards);
    }

    public static Transcript empty(String licenseeId) {
        return new Transcript(licenseeId, List.of());
    }

    /** The transcript with this revision in place of any earlier one of the same award. */
    public Transcript with(Award award) {
        List<Award> next = new ArrayList<>(awards);
        next.removeIf(a -> a.awardId().equals(award.awardId()));
        next.add(award);
        next.sort(Comparator.comparing(Award::completedAt).thenComparing(Award::awardId));
        return new Transcript(licenseeId, next);
    }

    /** Whether an award with this id is on the transcript, in any revision. */
    public boolean holds(String awardId) {
        return awards.stream().anyMatch(a -> a.awardId().equals(awardId));
    }

    /** Awards that currently grant credit, as a transcript shows them. */
    public List<Award> granted() {
        return awards.stream().filter(Award::granted).toList();
    }
}
