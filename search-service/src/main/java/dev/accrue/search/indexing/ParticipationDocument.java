package dev.accrue.search.indexing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One licensee's participation in one session, as indexed for analytics: the attendance that counts people
 * per session becomes a plain document count instead of a distinct count over every event. The earliest
 * JOINED or SELF_STUDY_COMPLETED event holds it ({@link EarliestWins}). See docs/design.md, 'Search
 * analytics count documents, not distinct values'.
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
