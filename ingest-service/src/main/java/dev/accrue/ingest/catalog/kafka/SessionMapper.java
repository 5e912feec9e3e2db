package dev.accrue.ingest.catalog.kafka;

import dev.accrue.events.SessionClosed;
import dev.accrue.ingest.catalog.ApprovalBody;
import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.catalog.Session;
import dev.accrue.ingest.catalog.SessionClosure;

/** Translates catalog records between the domain and the Avro contract (the only place both meet). */
final class SessionMapper {

    static dev.accrue.events.Session toAvro(Session s) {
        return dev.accrue.events.Session.newBuilder()
                .setSessionId(s.sessionId())
                .setCourseId(s.courseId())
                .setProviderId(s.providerId())
                .setTitle(s.title())
                .setDescription(s.description())
                .setFormat(dev.accrue.events.Format.valueOf(s.format().name()))
                .setStartsAt(s.startsAt())
                .setEndsAt(s.endsAt())
                .setTimeZone(s.timeZone())
                .setBreaks(s.breaks().stream().map(b -> new dev.accrue.events.TimeRange(b.startsAt(), b.endsAt())).toList())
                .setCreditHours(s.creditHours())
                .setCategories(s.categories().stream().map(c -> new dev.accrue.events.CategoryHours(
                        dev.accrue.events.Category.valueOf(c.category().name()), c.hours())).toList())
                .setApprovals(s.approvals().stream().map(a -> new dev.accrue.events.Approval(
                        dev.accrue.events.ApprovalBody.valueOf(a.body().name()), a.approvalId(), a.jurisdiction(),
                        a.providerNumber())).toList())
                .setPassingScore(s.passingScore())
                .setUpdatedAt(s.updatedAt())
                .setAttendancePolicy(s.attendancePolicy() == null ? null : new dev.accrue.events.AttendancePolicy(
                        s.attendancePolicy().toleranceMinutes(), s.attendancePolicy().minimumAttendedPercent()))
                .setLocation(s.location())
                .setInstructors(s.instructors())
                .build();
    }

    static Session fromAvro(dev.accrue.events.Session a) {
        return new Session(a.getSessionId(), a.getCourseId(), a.getProviderId(), a.getTitle(), a.getDescription(),
                format(a.getFormat()), a.getStartsAt(), a.getEndsAt(), a.getTimeZone(),
                a.getBreaks().stream().map(b -> new Session.TimeRange(b.getStartsAt(), b.getEndsAt())).toList(),
                a.getCreditHours(),
                a.getCategories().stream().filter(c -> c.getCategory() != dev.accrue.events.Category.UNKNOWN)
                        .map(c -> new Session.CategoryHours(Category.valueOf(c.getCategory().name()), c.getHours())).toList(),
                a.getApprovals().stream().filter(x -> x.getBody() != dev.accrue.events.ApprovalBody.UNKNOWN)
                        .map(x -> new Session.Approval(ApprovalBody.valueOf(x.getBody().name()), x.getJurisdiction(),
                                x.getApprovalId(), x.getProviderNumber())).toList(),
                a.getPassingScore(), a.getUpdatedAt(), a.getAttendancePolicy() == null ? null
                        : new Session.AttendancePolicy(a.getAttendancePolicy().getToleranceMinutes(),
                                a.getAttendancePolicy().getMinimumAttendedPercent()), a.getLocation(), a.getInstructors());
    }

    static KnownSession known(dev.accrue.events.Session a) {
        return new KnownSession(a.getSessionId(), a.getProviderId(), format(a.getFormat()), a.getTimeZone());
    }

    static SessionClosed toAvro(SessionClosure closure) {
        return new SessionClosed(closure.sessionId(), closure.providerId(), closure.closedAt());
    }

    static SessionClosure fromAvro(SessionClosed closed) {
        return new SessionClosure(closed.getSessionId(), closed.getProviderId(), closed.getClosedAt());
    }

    /** UNKNOWN is how a reader sees a symbol newer than its schema; the domain has no such format. */
    private static Format format(dev.accrue.events.Format format) {
        return format == dev.accrue.events.Format.UNKNOWN ? null : Format.valueOf(format.name());
    }

    private SessionMapper() {
    }
}
