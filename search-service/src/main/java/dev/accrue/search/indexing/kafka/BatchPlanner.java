package dev.accrue.search.indexing.kafka;

import dev.accrue.events.AttendanceEvent;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import dev.accrue.events.Session;
import dev.accrue.search.catalog.CatalogSession;
import dev.accrue.search.indexing.Attendance;
import dev.accrue.search.indexing.AttendanceDocument;
import dev.accrue.search.indexing.CatalogWrites;
import dev.accrue.search.indexing.ComplianceDocument;
import dev.accrue.search.indexing.DocumentIds;
import dev.accrue.search.indexing.DocumentWrite;
import dev.accrue.search.indexing.Indices;
import dev.accrue.search.indexing.LatestWrites;
import dev.accrue.search.indexing.elastic.ItemResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns one batch of records into index writes. Attendance is denormalised with sessions from the
 * same batch first, then with sessions another batch of this instance read (see {@link SessionsInFlight}),
 * then from the sessions index; an attendance whose session is in neither is
 * written pending (see {@link AttendanceDocument}). A record that cannot be read or mapped is set
 * aside as rejected, so the rest of its partition goes on.
 */
final class BatchPlanner {

    /**
     * What to write, what to dead-letter, the sessions the batch defines (attendance indexed earlier
     * may wait for them), the sessions the batch read (to release from {@link SessionsInFlight} once
     * it is finished), and the writes left out because another write of the batch supersedes them.
     */
    record Plan(List<Planned> writes, List<Rejected> rejected, Set<String> sessionsDefined, List<CatalogSession> sessionsRead,
                Map<Planned, List<Planned>> superseded) {

        /** The writes not sent because this one supersedes them (see {@link LatestWrites}). */
        List<Planned> supersededBy(Planned kept) {
            return superseded.getOrDefault(kept, List.of());
        }
    }

    private final Function<ConsumerRecord<String, byte[]>, SpecificRecord> reader;
    private final String sessionsTopic;
    private final Function<Set<String>, Map<String, CatalogSession>> sessionLookup;
    private final SessionsInFlight inFlight;
    private final StoredVersions stored;

    /**
     * @param reader reads a record's value (null for a tombstone), throwing {@link SerializationException} when it never can
     * @param sessionLookup finds indexed sessions by id
     */
    BatchPlanner(Function<ConsumerRecord<String, byte[]>, SpecificRecord> reader, String sessionsTopic,
                 Function<Set<String>, Map<String, CatalogSession>> sessionLookup, SessionsInFlight inFlight,
                 StoredVersions stored) {
        this.reader = reader;
        this.sessionsTopic = sessionsTopic;
        this.sessionLookup = sessionLookup;
        this.inFlight = inFlight;
        this.stored = stored;
    }

    Plan plan(List<ConsumerRecord<String, byte[]>> records) {
        List<Rejected> rejected = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>();
        List<SpecificRecord> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                SpecificRecord value = reader.apply(record);
                readable.add(record);
                values.add(value);
            } catch (SerializationException e) {
                rejected.add(new Rejected(record, null, "Unreadable value: " + describe(e), true));
            }
        }
        List<CatalogSession> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Session s) {
                read.add(EventMapper.session(s));
            } else if (values.get(i) == null && sessionsTopic.equals(readable.get(i).topic()) && readable.get(i).key() != null) {
                inFlight.remove(readable.get(i).key());
            }
        }
        read.forEach(inFlight::add);
        Map<String, CatalogSession> sessions = sessions(read, values);
        // Sessions defined in this batch may complete attendance indexed earlier; looked-up ones were there already.
        Set<String> sessionsDefined = new LinkedHashSet<>();
        values.stream().filter(Session.class::isInstance).map(v -> ((Session) v).getSessionId())
                .forEach(sessionsDefined::add);
        List<Planned> writes = new ArrayList<>();
        for (int i = 0; i < readable.size(); i++) {
            ConsumerRecord<String, byte[]> record = readable.get(i);
            try {
                writes.addAll(writes(record, values.get(i), sessions));
            } catch (RuntimeException e) {
                rejected.add(new Rejected(record, null, "Cannot map the event: " + describe(e), false));
            }
        }
        // Grouped by index (stable, so writes of one id keep their order): a bulk request then touches fewer
        // shards, and each shard's part of a bulk costs Elasticsearch a translog fsync.
        writes.sort(Comparator.comparingInt(p -> Indices.ALL.indexOf(p.write().index())));
        LatestWrites.Kept<Planned> latest = LatestWrites.of(writes, Planned::write);
        List<Planned> toSend = latest.kept().stream().filter(p -> !stored.supersedes(p.write())).toList();
        return new Plan(toSend, rejected, sessionsDefined, read, latest.superseded());
    }

    /** Learns from Elasticsearch's answers to a batch which versions its documents hold. */
    void answered(List<ItemResult> results) {
        results.forEach(stored::learn);
    }

    /** The batch's writes are finished (or it was dropped): its sessions are served by the index from now on. */
    void finished(Plan plan) {
        inFlight.release(plan.sessionsRead());
    }

    /**
     * Sessions defined in this batch (latest wins), then those attendance refers to: read by another
     * batch of this instance and not written yet, else from the index.
     */
    private Map<String, CatalogSession> sessions(List<CatalogSession> read, List<SpecificRecord> values) {
        Map<String, CatalogSession> sessions = new HashMap<>();
        read.forEach(s -> sessions.put(s.sessionId(), s));
        Set<String> wanted = new LinkedHashSet<>();
        for (SpecificRecord value : values) {
            if (value instanceof AttendanceEvent a) {
                wanted.add(a.getSessionId());
            }
        }
        wanted.removeAll(sessions.keySet());
        Map<String, CatalogSession> all = new HashMap<>(inFlight.find(wanted));
        wanted.removeAll(all.keySet());
        if (!wanted.isEmpty()) {
            all.putAll(sessionLookup.apply(wanted));
        }
        all.putAll(sessions);
        return all;
    }

    /** The writes for one record (attendance also writes its participation and enrolment); none for a tombstone where deleting means nothing. */
    private List<Planned> writes(ConsumerRecord<String, byte[]> record, SpecificRecord value,
                                 Map<String, CatalogSession> sessions) {
        if (value == null) {
            // Only the compacted sessions topic uses tombstones to delete; elsewhere there is nothing to index.
            return sessionsTopic.equals(record.topic()) && record.key() != null
                    ? List.of(new Planned(record, record.key(), CatalogWrites.delete(record.key()))) : List.of();
        }
        if (value instanceof Session s) {
            return List.of(new Planned(record, s.getSessionId(), CatalogWrites.put(EventMapper.session(s))));
        }
        if (value instanceof AttendanceEvent e) {
            Attendance attendance = EventMapper.attendance(e);
            CatalogSession session = sessions.get(attendance.sessionId());
            AttendanceDocument doc = session == null
                    ? AttendanceDocument.pending(attendance) : AttendanceDocument.of(attendance, session);
            return doc.writes().stream().map(w -> new Planned(record, e.getEventId(), w)).toList();
        }
        if (value instanceof CreditAward a) {
            return List.of(new Planned(record, a.getAwardId(), EventMapper.award(a).write()));
        }
        if (value instanceof CertificateIssued c) {
            return List.of(new Planned(record, c.getCertificateId(), EventMapper.certificate(c).write()));
        }
        if (value instanceof ComplianceStatus s) {
            ComplianceDocument doc = EventMapper.compliance(s);
            return List.of(new Planned(record, DocumentIds.of(s.getLicenseeId(), s.getBoard(), s.getLicenseType()), doc.write()));
        }
        throw new IllegalArgumentException("No index for " + value.getSchema().getFullName());
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
