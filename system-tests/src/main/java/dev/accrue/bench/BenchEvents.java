package dev.accrue.bench;

import dev.accrue.events.Approval;
import dev.accrue.events.ApprovalBody;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.AttendanceSource;
import dev.accrue.events.AttendanceType;
import dev.accrue.events.Category;
import dev.accrue.events.CategoryHours;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Format;
import dev.accrue.events.License;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.events.Session;
import dev.accrue.events.SessionClosed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Avro events as ingest (and, for awards, credit) write them, for benchmarks that put data on the
 * topics directly: keyed as docs/CONVENTIONS.md says, values in the Confluent wire format.
 */
final class BenchEvents {

    /** Courses that cover the formats, categories and approval bodies analysts filter on. */
    record Course(String courseId, String title, double hours, Category category, List<ApprovalBody> bodies) {
    }

    static final List<Course> COURSES = List.of(
            new Course("ETH-101", "Law and Ethics for Therapists", 3, Category.LAW_AND_ETHICS, List.of(ApprovalBody.APA, ApprovalBody.IACET)),
            new Course("CUL-201", "Cultural Humility in Practice", 2, Category.CULTURAL_DIVERSITY, List.of(ApprovalBody.NBCC, ApprovalBody.ASWB_ACE)),
            new Course("SUI-110", "Suicide Risk Assessment", 3, Category.SUICIDE_PREVENTION, List.of(ApprovalBody.APA, ApprovalBody.STATE_BOARD)),
            new Course("DV-150", "Domestic Violence: Screening", 2, Category.DOMESTIC_VIOLENCE, List.of(ApprovalBody.ASWB_ACE)),
            new Course("TEL-120", "Telehealth Essentials", 2, Category.TELEHEALTH, List.of(ApprovalBody.NBCC, ApprovalBody.IACET)),
            new Course("SUP-300", "Clinical Supervision", 3, Category.SUPERVISION, List.of(ApprovalBody.APA, ApprovalBody.ASWB_ACE)),
            new Course("CBT-210", "CBT for Anxiety", 3, Category.GENERAL, List.of(ApprovalBody.APA, ApprovalBody.NBCC, ApprovalBody.IACET)),
            new Course("HIV-100", "HIV/AIDS Update", 2, Category.HIV_AIDS, List.of(ApprovalBody.STATE_BOARD)));

    /** A live webinar of the course from {@code startsAt}, as long as its credit hours. */
    static Session liveSession(String sessionId, String providerId, Course course, Instant startsAt) {
        return Session.newBuilder()
                .setSessionId(sessionId).setCourseId(course.courseId()).setProviderId(providerId).setTitle(course.title())
                .setDescription(course.title() + ", a benchmark session.").setFormat(Format.LIVE_WEBINAR)
                .setStartsAt(startsAt).setEndsAt(startsAt.plus((long) (course.hours() * 60), ChronoUnit.MINUTES))
                .setTimeZone("America/Los_Angeles").setBreaks(List.of()).setCreditHours(course.hours())
                .setCategories(List.of(new CategoryHours(course.category(), course.hours())))
                .setApprovals(course.bodies().stream().map(b -> new Approval(b, b + "-BENCH-" + course.courseId(),
                        b == ApprovalBody.STATE_BOARD ? "FL" : null, null)).toList())
                .setPassingScore(null).setUpdatedAt(Instant.now())
                .build();
    }

    static LicenseeProfile licensee(String licenseeId, int n) {
        LocalDate cycleEnd = LocalDate.now().plusDays(30 + n % 700);
        return LicenseeProfile.newBuilder()
                .setLicenseeId(licenseeId).setGivenName("Bench").setFamilyName("User " + n)
                .setEmail(licenseeId + "@example.org")
                .setLicenses(List.of(new License("CA-BBS", "LMFT", "LMFT-" + (100000 + n), cycleEnd.minusYears(2).plusDays(1),
                        cycleEnd, false, false, List.of())))
                .setUpdatedAt(Instant.now())
                .build();
    }

    static AttendanceEvent attendance(String eventId, String sessionId, String licenseeId, AttendanceType type, Instant at) {
        return AttendanceEvent.newBuilder()
                .setEventId(eventId).setSessionId(sessionId).setLicenseeId(licenseeId).setType(type)
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS)).setScore(null).setSource(AttendanceSource.BATCH)
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    static SessionClosed closed(Session session) {
        return SessionClosed.newBuilder().setSessionId(session.getSessionId()).setProviderId(session.getProviderId())
                .setClosedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    /** An award as credit would emit it for full attendance of the session, by the session's first approval body. */
    static CreditAward award(Session session, String licenseeId, Instant completedAt) {
        Approval approval = session.getApprovals().get(0);
        int minutes = (int) ChronoUnit.MINUTES.between(session.getStartsAt(), session.getEndsAt());
        return CreditAward.newBuilder()
                .setAwardId("award-" + licenseeId + "-" + session.getSessionId() + "-" + approval.getBody())
                .setRevision(1).setLicenseeId(licenseeId).setSessionId(session.getSessionId())
                .setCourseId(session.getCourseId()).setProviderId(session.getProviderId()).setTitle(session.getTitle())
                .setFormat(session.getFormat()).setBody(approval.getBody()).setApprovalId(approval.getApprovalId())
                .setHours(session.getCreditHours())
                .setCeu(approval.getBody() == ApprovalBody.IACET ? session.getCreditHours() / 10 : null)
                .setCategories(session.getCategories()).setAttendedMinutes(minutes).setScheduledMinutes(minutes)
                .setCompletedAt(completedAt.truncatedTo(ChronoUnit.MILLIS))
                .setAwardedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setRuleVersion("credit-2025.1")
                .build();
    }

    /** Sends and waits for every acknowledgement; records are counted on the bar as they are handed over. */
    static void sendAll(KafkaProducer<String, SpecificRecord> producer, String topic, List<? extends KeyedRecord> records,
                        Progress.Bar bar) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        long sent = 0;
        for (KeyedRecord record : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, record.key(), record.value())));
            if (bar != null) {
                bar.update(++sent);
            }
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Producing to " + topic + " failed", e.getCause());
        }
    }

    record KeyedRecord(String key, SpecificRecord value) {
    }

    /**
     * A benchmark's world, straight onto the topics before any service starts: the licensees, the running and the
     * closed sessions, and the closures of the closed ones (so credit finalises their attendance at once).
     */
    static void publishWorld(KafkaProducer<String, SpecificRecord> producer, List<LicenseeProfile> licensees,
                             List<Session> running, List<Session> closed) {
        BenchEvents.sendAll(producer, BenchKafka.LICENSEES, licensees.stream()
                .map(l -> new KeyedRecord(l.getLicenseeId(), l)).toList(), Progress.bar("licensees", licensees.size()));
        List<KeyedRecord> catalog = new ArrayList<>();
        running.forEach(s -> catalog.add(new KeyedRecord(s.getSessionId(), s)));
        closed.forEach(s -> catalog.add(new KeyedRecord(s.getSessionId(), s)));
        sendAll(producer, BenchKafka.SESSIONS, catalog, null);
        sendAll(producer, BenchKafka.CLOSURES, closed.stream().map(s -> new KeyedRecord(s.getSessionId(), closed(s))).toList(),
                null);
    }

    private BenchEvents() {
    }
}
