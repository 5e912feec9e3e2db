package dev.accrue.search.indexing;

import dev.accrue.search.catalog.CatalogSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An attendance event as indexed, denormalised with its session so analytics need no joins. An event read
 * before its session is indexed at once with {@code sessionResolved=false} and completed later
 * ({@code PendingAttendance}); an attending event also writes its {@link ParticipationDocument} and, once
 * its session is known, its {@link EnrolmentDocument}. See docs/design.md, 'Search analytics count
 * documents, not distinct values'.
 *
 * @param participation licenseeId and sessionId together, to count people per session
 * @param participant true for JOINED and SELF_STUDY_COMPLETED, the events that count as attending
 * @param connectionId the connection (one device's visit) of a JOINED or LEFT, or null
 */
public record AttendanceDocument(
        String eventId, String sessionId, String licenseeId, String participation, String type, boolean participant,
        Instant occurredAt, Double score, String connectionId, String source, Instant receivedAt,
        boolean sessionResolved, String courseId, String courseKey, String providerId, String title, String format,
        Double creditHours, List<String> categories, List<String> bodies) {

    public static AttendanceDocument pending(Attendance a) {
        return new AttendanceDocument(a.eventId(), a.sessionId(), a.licenseeId(), DocumentIds.of(a.licenseeId(), a.sessionId()),
                a.type(), a.isParticipation(), a.occurredAt(), a.score(), a.connectionId(), a.source(), a.receivedAt(),
                false, null, null, null, null, null, null, List.of(), List.of());
    }

    public static AttendanceDocument of(Attendance a, CatalogSession session) {
        return pending(a).resolvedWith(session);
    }

    /** The same event with the session's fields copied in. */
    public AttendanceDocument resolvedWith(CatalogSession s) {
        return new AttendanceDocument(eventId, sessionId, licenseeId, participation, type, participant, occurredAt, score,
                connectionId, source, receivedAt, true, s.courseId(), s.courseKey(), s.providerId(), s.title(), s.format(),
                s.creditHours(), s.categories(), s.bodies());
    }

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.ATTENDANCE, id(sessionId, eventId), OptionalLong.empty(), this);
    }

    /**
     * The document id: event ids are chosen by providers, so two providers may use the same one. The session
     * belongs to one provider and, unlike the provider, is known even before the session is indexed.
     */
    public static String id(String sessionId, String eventId) {
        return DocumentIds.of(sessionId, eventId);
    }

    /** The event's own document, then the participation and the enrolment it stands for, where it has them. */
    public List<DocumentWrite> writes() {
        List<DocumentWrite> writes = new ArrayList<>(3);
        writes.add(write());
        ParticipationDocument.of(this).ifPresent(p -> writes.add(p.write()));
        EnrolmentDocument.of(this).ifPresent(e -> writes.add(e.write()));
        return List.copyOf(writes);
    }
}
