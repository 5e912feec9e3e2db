package dev.accrue.ingest.attendance;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.UnknownReferenceException;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.view.KeyedView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Accepts attendance one event at a time or in batches. Every event is checked on its own
 * (fields, the session it names, whether the caller may write attendance for that session's
 * provider, then whether that provider owns the licensee it names; a licensee it does not own is
 * answered as unknown), and all accepted events are published together; the call returns only
 * when the broker has acknowledged all of them. Invalid events are never published.
 */
public final class AttendanceService {

    private final KeyedView<KnownSession> catalog;
    private final LicenseeDirectory licensees;
    private final AttendancePublisher publisher;
    private final Clock clock;

    public AttendanceService(KeyedView<KnownSession> catalog, LicenseeDirectory licensees,
                             AttendancePublisher publisher, Clock clock) {
        this.catalog = catalog;
        this.licensees = licensees;
        this.publisher = publisher;
        this.clock = clock;
    }

    public AttendanceEvent record(AttendanceInput input, Access access) {
        AttendanceEvent event = AttendancePolicy.validate(input, AttendanceSource.API, clock.instant());
        KnownSession session = catalog.findFresh(event.sessionId())
                .orElseThrow(() -> unknownSession("sessionId", event.sessionId()));
        // Ownership before the licensee check, so other providers learn nothing about the directory.
        access.requireProvider(session.providerId(), "attendance for sessions");
        if (!licensees.mayAttend(event.licenseeId(), session.providerId())) {
            throw unknownLicensee(event.licenseeId(), session.providerId()); // the same whether unknown or not theirs
        }
        List<FieldError> mismatch = AttendancePolicy.checkAgainst(event, session);
        if (!mismatch.isEmpty()) {
            throw new InvalidInputException(mismatch);
        }
        publisher.publishAll(List.of(event));
        return event;
    }

    public BatchResult recordBatch(List<BatchItem<AttendanceInput>> items, Access access) {
        Instant now = clock.instant();
        BatchResult.Item[] results = new BatchResult.Item[items.size()];
        List<AttendanceEvent> candidates = new ArrayList<>(items.size());
        List<Integer> candidateIndexes = new ArrayList<>(items.size());
        for (BatchItem<AttendanceInput> item : items) {
            if (item instanceof BatchItem.Malformed<AttendanceInput> malformed) {
                results[item.index()] = rejected(item.index(), malformed.id(), BatchResult.MALFORMED, malformed.errors());
            } else if (item instanceof BatchItem.Parsed<AttendanceInput> parsed) {
                try {
                    candidates.add(AttendancePolicy.validate(parsed.input(), AttendanceSource.BATCH, now));
                    candidateIndexes.add(item.index());
                } catch (InvalidInputException e) {
                    results[item.index()] = rejected(item.index(), parsed.input().eventId(), BatchResult.INVALID, e.errors());
                }
            }
        }
        Map<String, KnownSession> sessions = resolve(candidates, AttendanceEvent::sessionId, catalog);
        Set<String> licenseeIds = new HashSet<>();
        candidates.forEach(e -> licenseeIds.add(e.licenseeId()));
        Map<String, LicenseeDirectory.Entry> knownLicensees = findLicensees(licenseeIds, found -> candidates.stream()
                .allMatch(e -> !sessions.containsKey(e.sessionId()) || LicenseeDirectory.attendable(
                        found.get(e.licenseeId()), sessions.get(e.sessionId()).providerId())));
        // provider and eventId -> the candidate that first used it; sized for the batch so it never rehashes.
        Map<String, Integer> firstById = new HashMap<>(candidates.size() * 4 / 3 + 1);
        List<AttendanceEvent> accepted = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            AttendanceEvent event = candidates.get(c);
            int index = candidateIndexes.get(c);
            KnownSession session = sessions.get(event.sessionId());
            BatchResult.Item problem = referenceProblem(index, event, session, knownLicensees.get(event.licenseeId()), access);
            if (problem == null) {
                // Event ids are the provider's own: an ADMIN batch may carry two providers' equal ids.
                Integer first = firstById.putIfAbsent(session.providerId() + '\n' + event.eventId(), c);
                if (first == null) {
                    accepted.add(event);
                } else if (!candidates.get(first).sameFactAs(event)) {
                    problem = rejected(index, event.eventId(), BatchResult.CONFLICT, List.of(new FieldError("eventId",
                            "repeats the eventId of item " + candidateIndexes.get(first) + " with different content")));
                }
                // An exact repeat inside the batch is accepted and stored once: eventId is the idempotency key.
            }
            results[index] = problem != null ? problem
                    : new BatchResult.Item(index, event.eventId(), BatchResult.ACCEPTED, List.of());
        }
        publisher.publishAll(accepted);
        return BatchResult.of("eventId", Arrays.asList(results));
    }

    private BatchResult.Item referenceProblem(int index, AttendanceEvent event, KnownSession session,
                                              LicenseeDirectory.Entry licensee, Access access) {
        if (session == null) {
            return rejected(index, event.eventId(), BatchResult.INVALID, unknownSession("sessionId", event.sessionId()).errors());
        }
        if (!access.mayActFor(session.providerId())) {
            return rejected(index, event.eventId(), BatchResult.FORBIDDEN, List.of(new FieldError("sessionId",
                    access.describe() + " may not write attendance for sessions of provider '" + session.providerId() + "'")));
        }
        if (!LicenseeDirectory.attendable(licensee, session.providerId())) {
            return rejected(index, event.eventId(), BatchResult.INVALID,
                    unknownLicensee(event.licenseeId(), session.providerId()).errors());
        }
        List<FieldError> mismatch = AttendancePolicy.checkAgainst(event, session);
        return mismatch.isEmpty() ? null : rejected(index, event.eventId(), BatchResult.INVALID, mismatch);
    }

    /** The session a CSV import is for: it must exist and belong to the caller's provider. */
    public KnownSession sessionForImport(String sessionId, Access access) {
        if (!Checks.isId(sessionId)) {
            throw new InvalidInputException(List.of(new FieldError("sessionId",
                    "is required: the session the file reports, " + Checks.ID_RULE)));
        }
        KnownSession session = catalog.findFresh(sessionId).orElseThrow(() -> unknownSession("sessionId", sessionId));
        access.requireProvider(session.providerId(), "attendance for sessions");
        return session;
    }

    /**
     * Turns parsed rows into events for the session: licensees are matched by id or email, ids are
     * derived from the content where the file gives none, repeats are stored once, and every row
     * that cannot become a valid event is reported with its line.
     */
    public ImportResult importRows(KnownSession session, AttendanceSource source, String format, ParsedImport parsed) {
        Instant now = clock.instant();
        // A set: a Zoom row yields two events, but an unmatched row is reported once.
        Set<RowProblem> problems = new LinkedHashSet<>(parsed.problems());
        Set<String> namedIds = new HashSet<>();
        parsed.rows().forEach(row -> {
            if (row.licenseeId() != null) {
                namedIds.add(row.licenseeId());
            }
        });
        String provider = session.providerId();
        Map<String, LicenseeDirectory.Entry> known = findLicensees(namedIds, found -> namedIds.stream()
                .allMatch(id -> LicenseeDirectory.attendable(found.get(id), provider)));
        boolean emailMissing = parsed.rows().stream().anyMatch(row -> row.licenseeId() == null
                && licensees.byEmail(row.email(), provider) instanceof LicenseeDirectory.Match.None);
        if (emailMissing) {
            licensees.view().requireCaughtUp(); // another instance may have just stored that licensee
        }
        Map<Integer, List<AttendanceEvent>> eventsByLine = new LinkedHashMap<>();
        for (ImportRow row : parsed.rows()) {
            Optional<String> licenseeId = match(row, provider, known, problems);
            if (licenseeId.isEmpty()) {
                continue;
            }
            String eventId = row.eventId() != null ? row.eventId()
                    : EventIds.derive(session.sessionId(), licenseeId.get(), row.type(), row.occurredAt(), row.connectionId());
            AttendanceEvent event;
            try {
                event = AttendancePolicy.validate(new AttendanceInput(eventId, session.sessionId(), licenseeId.get(),
                        row.type().name(), row.occurredAt().toString(), row.score(), row.connectionId()), source, now);
            } catch (InvalidInputException e) {
                problems.add(new RowProblem(row.line(), RowProblem.Kind.INVALID, describe(e.errors())));
                continue;
            }
            List<FieldError> mismatch = AttendancePolicy.checkAgainst(event, session);
            if (!mismatch.isEmpty()) {
                problems.add(new RowProblem(row.line(), RowProblem.Kind.INVALID, describe(mismatch)));
                continue;
            }
            eventsByLine.computeIfAbsent(row.line(), line -> new ArrayList<>()).add(event);
        }
        // A line is imported whole or not at all: a Zoom row's JOINED must not go out while the answer lists the
        // row as a problem (its LEFT refused), since a corrected re-import would not replace it.
        Set<Integer> refused = new HashSet<>();
        problems.forEach(problem -> refused.add(problem.line()));
        Map<String, AttendanceEvent> byId = new LinkedHashMap<>();
        Map<String, Integer> lineById = new HashMap<>();
        int duplicates = 0;
        for (Map.Entry<Integer, List<AttendanceEvent>> line : eventsByLine.entrySet()) {
            if (refused.contains(line.getKey())) {
                continue;
            }
            Optional<AttendanceEvent> conflict = line.getValue().stream()
                    .filter(e -> byId.containsKey(e.eventId()) && !byId.get(e.eventId()).sameFactAs(e)).findFirst();
            if (conflict.isPresent()) {
                String eventId = conflict.get().eventId();
                problems.add(new RowProblem(line.getKey(), RowProblem.Kind.INVALID, "eventId " + eventId
                        + " repeats line " + lineById.get(eventId) + " with different content"));
                continue;
            }
            for (AttendanceEvent event : line.getValue()) {
                if (byId.putIfAbsent(event.eventId(), event) == null) {
                    lineById.put(event.eventId(), line.getKey());
                } else {
                    duplicates++;
                }
            }
        }
        publisher.publishAll(List.copyOf(byId.values()));
        List<RowProblem> report = problems.stream().sorted(Comparator.comparingInt(RowProblem::line)).toList();
        return new ImportResult(session.sessionId(), format, parsed.dataRows(), byId.size(), duplicates, report);
    }

    private Optional<String> match(ImportRow row, String provider, Map<String, LicenseeDirectory.Entry> known,
                                   Set<RowProblem> problems) {
        if (row.licenseeId() != null) {
            if (LicenseeDirectory.attendable(known.get(row.licenseeId()), provider)) {
                return Optional.of(row.licenseeId());
            }
            // The same words whether the id is unknown or another provider's.
            problems.add(new RowProblem(row.line(), RowProblem.Kind.UNMATCHED, "no licensee '" + row.licenseeId()
                    + "' of provider '" + provider + "' is known"));
            return Optional.empty();
        }
        LicenseeDirectory.Match match = licensees.byEmail(row.email(), provider);
        if (match instanceof LicenseeDirectory.Match.One one) {
            return Optional.of(one.licenseeId());
        }
        String detail = match instanceof LicenseeDirectory.Match.Ambiguous ambiguous
                ? "email " + row.email() + " belongs to " + ambiguous.licenseeIds().size()
                        + " licensees of provider '" + provider + "'; give licenseeId instead"
                : "no licensee of provider '" + provider + "' has the email " + row.email();
        problems.add(new RowProblem(row.line(), RowProblem.Kind.UNMATCHED, detail));
        return Optional.empty();
    }

    /** Looks every key up once; when any is missing, lets the view catch up once and looks the misses up again. */
    private static <V> Map<String, V> resolve(List<AttendanceEvent> events, Function<AttendanceEvent, String> key,
                                              KeyedView<V> view) {
        Set<String> keys = new HashSet<>();
        events.forEach(e -> keys.add(key.apply(e)));
        return resolveKeys(keys, view);
    }

    private static <V> Map<String, V> resolveKeys(Set<String> keys, KeyedView<V> view) {
        Map<String, V> found = findAll(keys, view);
        if (found.size() < keys.size()) {
            view.requireCaughtUp(); // a miss that cannot be confirmed is a 503 for the request, not "unknown" per item
            keys.stream().filter(k -> !found.containsKey(k)).forEach(k -> view.find(k).ifPresent(v -> found.put(k, v)));
        }
        return found;
    }

    /**
     * Looks the licensees up once; when {@code allUsable} finds one that may not be named (unknown, or not
     * the session provider's), lets the directory catch up once and looks again: a transfer made through
     * another instance is seen, and "not yours" takes as long as "unknown".
     */
    private Map<String, LicenseeDirectory.Entry> findLicensees(Set<String> ids,
                                                               Predicate<Map<String, LicenseeDirectory.Entry>> allUsable) {
        Map<String, LicenseeDirectory.Entry> found = findAll(ids, licensees.view());
        if (allUsable.test(found)) {
            return found;
        }
        licensees.view().requireCaughtUp();
        return findAll(ids, licensees.view());
    }

    private static <V> Map<String, V> findAll(Set<String> keys, KeyedView<V> view) {
        Map<String, V> found = new HashMap<>();
        view.requireReady();
        keys.forEach(k -> view.find(k).ifPresent(v -> found.put(k, v)));
        return found;
    }

    private static BatchResult.Item rejected(int index, String eventId, int status, List<FieldError> errors) {
        return new BatchResult.Item(index, eventId, status, errors);
    }

    private static UnknownReferenceException unknownSession(String field, String sessionId) {
        return new UnknownReferenceException(field, "No session '" + sessionId + "' is known; create it with PUT /v1/sessions/"
                + sessionId + " first");
    }

    /** The answer for a licensee that is unknown and for one another provider owns: nothing tells them apart. */
    private static UnknownReferenceException unknownLicensee(String licenseeId, String provider) {
        return new UnknownReferenceException("licenseeId", "No licensee '" + licenseeId + "' of provider '" + provider
                + "' is known; register it with PUT /v1/licensees/" + licenseeId + " first");
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
    }
}
