package dev.accrue.search.indexing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One licensee's participation in one session, as indexed for analytics: the attendance that counts
 * people per session becomes a plain document count instead of a distinct count over every event.
 *
 * <p>Every JOINED or SELF_STUDY_COMPLETED event writes it under the participation id with the
 * {@link EarliestWins} version: the earliest such event wins whatever order the events are read in, and
 * for the same event the document completed with its session beats the pending one, so a pending write
 * that races with the completion cannot undo it. A replay, or a write of what is already there or
 * later, answers 409 and changes nothing. The document holds no field of the event beyond its time,
 * so two events at the same instant write the same document.
 *
 * @param occurredAt when the licensee first joined (or completed) the session
 */
public record ParticipationDocument(
        String participation, String licenseeId, String sessionId, Instant occurredAt, boolean sessionResolved,
        String courseId, String courseKey, String providerId, String title, String format, Double creditHours,
        List<String> categories, List<String> bodies) {

    /** The participation an attendance document stands for; empty for events that are not attending (LEFT). */
    public static Optional<ParticipationDocument> of(AttendanceDocument a) {
        return a.participant() ? Optional.of(new ParticipationDocument(a.participation(), a.licenseeId(), a.sessionId(),
                a.occurredAt(), a.sessionResolved(), a.courseId(), a.courseKey(), a.providerId(), a.title(), a.format(),
                a.creditHours(), a.categories(), a.bodies())) : Optional.empty();
    }

    /** Earlier events get higher versions, so the earliest one is the one kept; for one time, resolved beats pending. */
    public long version() {
        return EarliestWins.version(occurredAt, sessionResolved);
    }

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.PARTICIPATIONS, DocumentIds.of(participation), OptionalLong.of(version()), this);
    }
}
