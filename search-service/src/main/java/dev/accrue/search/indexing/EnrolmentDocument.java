package dev.accrue.search.indexing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One licensee's enrolment in one course (all its sessions together), as indexed for analytics: people per
 * course become a document count, which Elasticsearch ranks far faster than a distinct count of licensees
 * per course. The licensee's earliest attending event in any session of the course holds it
 * ({@link EarliestWins}). See docs/design.md, 'Search analytics count documents, not distinct values'.
 *
 * @param sessionId the session of that first attendance, whose fields the document carries
 * @param occurredAt when the licensee first joined (or completed) a session of the course
 */
public record EnrolmentDocument(
        String enrolment, String licenseeId, String courseKey, String courseId, String providerId, String sessionId,
        Instant occurredAt, String title, String format, List<String> categories, List<String> bodies) {

    /** The enrolment an attendance document stands for; empty when it is not attending (LEFT) or its session is unknown yet. */
    public static Optional<EnrolmentDocument> of(AttendanceDocument a) {
        return a.participant() && a.sessionResolved()
                ? Optional.of(new EnrolmentDocument(DocumentIds.of(a.licenseeId(), a.courseKey()), a.licenseeId(),
                        a.courseKey(), a.courseId(), a.providerId(), a.sessionId(), a.occurredAt(), a.title(), a.format(),
                        a.categories(), a.bodies()))
                : Optional.empty();
    }

    public long version() {
        return EarliestWins.version(occurredAt, true);
    }

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.ENROLMENTS, DocumentIds.of(enrolment), OptionalLong.of(version()), this);
    }
}
