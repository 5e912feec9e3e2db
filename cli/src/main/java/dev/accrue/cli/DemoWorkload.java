package dev.accrue.cli;

import dev.accrue.infra.launcher.ServiceClients;

import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Streams a realistic generated workload through the ingest API the way providers would: two
 * providers publish catalogs across all formats, categories and approval bodies; licensees hold
 * licences on all five boards with cycles ending at different times; attendance has on-time and
 * late arrivals, early leavers, Zoom reconnects, breaks, self-study passes and fails, duplicates
 * and one Zoom CSV import. Then it waits for the pipeline to settle and reads the summary back.
 */
public final class DemoWorkload {

    private static final int BATCH_SIZE = 1000;
    private static final Map<String, String> PROVIDER_KEYS = Map.of(
            "acme", DevKeys.PROVIDER_ACME, "northwind", DevKeys.PROVIDER_NORTHWIND);

    record Session(String id, String provider, DemoCatalog.Course course, String format, ZonedDateTime startsAt,
                   ZonedDateTime endsAt, ZonedDateTime breakStart) {
        boolean live() {
            return !format.equals("SELF_STUDY");
        }
    }

    private final DemoOptions options;
    private final ServiceClients clients;
    private final Random random;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Map<String, String> emails = new LinkedHashMap<>();

    public DemoWorkload(DemoOptions options, ServiceClients clients) {
        this.options = options;
        this.clients = clients;
        this.random = new Random(options.seed());
    }

    public DemoReport run() {
        Console.step("Publishing the 2 providers' profiles (what their certificates print)");
        for (String provider : List.of("acme", "northwind")) {
            expectOk(clients.put(INGEST, "/v1/providers/" + provider, DevKeys.ADMIN, DemoCatalog.providerProfile(provider)),
                    "provider " + provider);
        }
        List<Session> sessions = sessions();
        Console.step("Publishing " + sessions.size() + " sessions from 2 providers");
        inParallel(sessions.size(), i -> publish(sessions.get(i)), new Console.ProgressBar("sessions", sessions.size()));

        Console.step("Publishing " + options.licensees() + " licensees");
        List<String> licensees = new ArrayList<>();
        List<Map<String, Object>> profiles = new ArrayList<>();
        // A licensee is private to its provider, whose sessions alone may name it: half are acme's, half northwind's.
        Map<String, List<String>> licenseesByProvider = new LinkedHashMap<>();
        for (int i = 0; i < options.licensees(); i++) {
            String id = String.format("lic-%05d", i);
            String owner = i % 2 == 0 ? "acme" : "northwind";
            licensees.add(id);
            licenseesByProvider.computeIfAbsent(owner, p -> new ArrayList<>()).add(id);
            Map<String, Object> profile = new LinkedHashMap<>(licenseeProfile(i));
            profile.put("owner", owner);
            profiles.add(profile);
        }
        inParallel(licensees.size(), i -> expectOk(clients.put(INGEST, "/v1/licensees/" + licensees.get(i), DevKeys.ADMIN,
                profiles.get(i)), "licensee " + licensees.get(i)), new Console.ProgressBar("licensees", licensees.size()));

        Session zoomSession = sessions.stream().filter(s -> s.format().equals("LIVE_WEBINAR")).findFirst().orElseThrow();
        Map<String, List<Map<String, Object>>> eventsByProvider = new LinkedHashMap<>();
        for (Session session : sessions) {
            if (session != zoomSession) {
                eventsByProvider.computeIfAbsent(session.provider(), p -> new ArrayList<>())
                        .addAll(attendance(session, licenseesByProvider.getOrDefault(session.provider(), List.of())));
            }
        }
        int accepted = sendAttendance(eventsByProvider);
        int imported = importZoomReport(zoomSession, licenseesByProvider.getOrDefault(zoomSession.provider(), List.of()));

        // Close all but two sessions; those two are finalised by the quiet-period timer instead.
        sessions.stream().filter(Session::live).skip(2).forEach(s ->
                expectOk(clients.post(INGEST, "/v1/sessions/" + s.id() + "/close", PROVIDER_KEYS.get(s.provider()), Map.of()),
                        "close " + s.id()));
        Console.step("Closed " + (sessions.stream().filter(Session::live).count() - 2) + " sessions; waiting for credit and search");
        Console.step("Sent " + (accepted + imported) + " distinct attendance events");
        return new DemoReport.Reader(clients, now.minus(options.days() + 1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS))
                .awaitSettled();
    }

    private List<Session> sessions() {
        List<Session> sessions = new ArrayList<>();
        int perProvider = Math.max(4, options.days() / 6);
        for (String provider : List.of("acme", "northwind")) {
            for (int i = 0; i < perProvider; i++) {
                DemoCatalog.Course course = DemoCatalog.COURSES.get((i * 3 + provider.length()) % DemoCatalog.COURSES.size());
                ZoneId zone = ZoneId.of(DemoCatalog.ZONES.get(random.nextInt(DemoCatalog.ZONES.size())));
                LocalDate day = LocalDate.ofInstant(now, zone).minusDays(1 + (long) i * options.days() / perProvider);
                ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(9, 0), zone);
                boolean withBreak = course.hours() >= 4;
                ZonedDateTime end = start.plusMinutes((long) (course.hours() * 60) + (withBreak ? 30 : 0));
                String format = i % 3 == 0 ? "IN_PERSON" : "LIVE_WEBINAR";
                sessions.add(new Session(provider + "-" + course.courseId() + "-" + day, provider, course, format, start, end,
                        withBreak ? start.plusHours(3) : null));
            }
            for (String courseId : List.of("CBT-210", "TEL-120")) {
                DemoCatalog.Course course = DemoCatalog.COURSES.stream().filter(c -> c.courseId().equals(courseId)).findFirst().orElseThrow();
                sessions.add(new Session(provider + "-" + courseId + "-home-study", provider, course, "SELF_STUDY", null, null, null));
            }
        }
        return sessions;
    }

    private void publish(Session s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseId", s.course().courseId());
        body.put("providerId", s.provider());
        body.put("title", s.course().title());
        body.put("description", s.course().title() + ", offered by " + s.provider() + ".");
        body.put("format", s.format());
        if (s.live()) {
            body.put("startsAt", iso(s.startsAt()));
            body.put("endsAt", iso(s.endsAt()));
            body.put("timeZone", s.startsAt().getZone().getId());
            body.put("breaks", s.breakStart() == null ? List.of()
                    : List.of(Map.of("startsAt", iso(s.breakStart()), "endsAt", iso(s.breakStart().plusMinutes(30)))));
        } else {
            body.put("passingScore", 75);
        }
        body.put("creditHours", s.course().hours());
        body.put("categories", s.course().categories().entrySet().stream()
                .map(e -> Map.of("category", e.getKey(), "hours", e.getValue())).toList());
        body.put("approvals", s.course().bodies().stream().map(b -> approval(b, s)).toList());
        expectOk(clients.put(INGEST, "/v1/sessions/" + s.id(), PROVIDER_KEYS.get(s.provider()), body), "session " + s.id());
    }

    /** {@code APA}, or {@code STATE_BOARD/FL}: a body and the state of its board or chapter. */
    private static Map<String, Object> approval(String approval, Session s) {
        String[] parts = approval.split("/");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", parts[0]);
        if (parts.length > 1) {
            body.put("jurisdiction", parts[1]);
        }
        body.put("approvalId", parts[0] + "-" + s.provider().toUpperCase(Locale.ROOT) + "-" + s.course().courseId());
        return body;
    }

    /** Runs the calls on a few connections at once, as a provider's integration would. */
    private static void inParallel(int count, IntConsumer call, Console.ProgressBar bar) {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    call.accept(index);
                    bar.update(done.incrementAndGet());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A licensee with one or two licences on the five boards, cycles ending from 30 days ago to two years ahead. */
    private Map<String, Object> licenseeProfile(int i) {
        String id = String.format("lic-%05d", i);
        String given = DemoCatalog.GIVEN.get(random.nextInt(DemoCatalog.GIVEN.size()));
        String family = DemoCatalog.FAMILY.get(random.nextInt(DemoCatalog.FAMILY.size()));
        List<String> boards = new ArrayList<>(DemoCatalog.BOARDS.keySet());
        Collections.sort(boards);
        List<Map<String, Object>> licenses = new ArrayList<>();
        int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int k = 0; k < count; k++) {
            String board = boards.get((i + k * 2) % boards.size());
            List<String> types = DemoCatalog.BOARDS.get(board);
            // Cycle ends spread from 30 days ago (overdue) to two years ahead (on track).
            LocalDate cycleEnd = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(760) - 30);
            int years = board.equals("NY-LMHC") ? 3 : 2;
            licenses.add(Map.of("board", board, "licenseType", types.get(random.nextInt(types.size())),
                    "licenseNumber", board.substring(0, 2) + "-" + (100000 + i * 7 + k),
                    "cycleStart", cycleEnd.minusYears(years).plusDays(1).toString(), "cycleEnd", cycleEnd.toString(),
                    "firstRenewal", random.nextInt(10) == 0));
        }
        String email = (given + "." + family + "." + i + "@example.org").toLowerCase(Locale.ROOT);
        emails.put(id, email);
        return Map.of("givenName", given, "familyName", family, "email", email, "licenses", licenses);
    }

    private List<Map<String, Object>> attendance(Session session, List<String> licensees) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String licensee : sample(licensees, session.live() ? 0.25 : 0.15)) {
            if (session.live()) {
                liveAttendance(session, licensee, events);
            } else {
                selfStudy(session, licensee, events);
            }
        }
        return events;
    }

    /** On time, late, early leaver, Zoom reconnect, or no LEFT at all, with realistic proportions. */
    private void liveAttendance(Session s, String licensee, List<Map<String, Object>> out) {
        ZonedDateTime join = s.startsAt().minusMinutes(random.nextInt(6));
        ZonedDateTime leave = s.endsAt().plusMinutes(random.nextInt(4));
        int pattern = random.nextInt(100);
        if (pattern < 8) {
            join = s.startsAt().plusMinutes(5 + random.nextInt(36)); // late arrival
        } else if (pattern < 13) {
            leave = s.endsAt().minusMinutes(5 + random.nextInt(56)); // early leaver
        }
        out.add(event(s, licensee, "JOINED", join, null, 0));
        if (pattern >= 13 && pattern < 20) { // Zoom reconnect: drop out mid-session and rejoin
            ZonedDateTime drop = s.startsAt().plusMinutes(60 + random.nextInt(60));
            out.add(event(s, licensee, "LEFT", drop, null, 1));
            out.add(event(s, licensee, "JOINED", drop.plusMinutes(random.nextInt(4)), null, 2));
        }
        if (pattern < 20 || pattern >= 25) { // 5% never send LEFT: closed at endsAt
            out.add(event(s, licensee, "LEFT", leave, null, 3));
        }
    }

    /** Post-test scores from 55 to 100; most who fail retake it and pass. */
    private void selfStudy(Session s, String licensee, List<Map<String, Object>> out) {
        ZonedDateTime at = ZonedDateTime.ofInstant(now.minus(1 + random.nextInt(options.days()), ChronoUnit.DAYS), ZoneOffset.UTC);
        int score = 55 + random.nextInt(46);
        out.add(event(s, licensee, "SELF_STUDY_COMPLETED", at, score, 0));
        if (score < 75 && random.nextInt(10) < 7) {
            out.add(event(s, licensee, "SELF_STUDY_COMPLETED", at.plusDays(1), 75 + random.nextInt(26), 1));
        }
    }

    private static Map<String, Object> event(Session s, String licensee, String type, ZonedDateTime at, Integer score, int seq) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "evt-" + s.id() + "-" + licensee + "-" + seq);
        event.put("sessionId", s.id());
        event.put("licenseeId", licensee);
        event.put("type", type);
        event.put("occurredAt", iso(at));
        if (score != null) {
            event.put("score", score);
        }
        return event;
    }

    /** Sends in batches, resending about 2% of events (same eventId) as providers' retries do. */
    private int sendAttendance(Map<String, List<Map<String, Object>>> eventsByProvider) {
        int unique = eventsByProvider.values().stream().mapToInt(List::size).sum();
        List<Map<String, Object>> duplicates = new ArrayList<>();
        eventsByProvider.values().forEach(events -> events.stream().filter(e -> random.nextInt(50) == 0).forEach(duplicates::add));
        Console.step("Streaming " + unique + " attendance events (+" + duplicates.size() + " duplicates) in batches of " + BATCH_SIZE);
        Console.ProgressBar bar = new Console.ProgressBar("events", unique + duplicates.size());
        long sent = 0;
        Set<String> acceptedIds = new HashSet<>();
        for (var entry : eventsByProvider.entrySet()) {
            List<Map<String, Object>> events = new ArrayList<>(entry.getValue());
            events.addAll(duplicates.stream().filter(d -> entry.getValue().contains(d)).toList());
            events.sort(Comparator.comparing(e -> (String) e.get("occurredAt")));
            for (int from = 0; from < events.size(); from += BATCH_SIZE) {
                List<Map<String, Object>> batch = events.subList(from, Math.min(events.size(), from + BATCH_SIZE));
                var response = clients.post(INGEST, "/v1/attendance/batch", PROVIDER_KEYS.get(entry.getKey()), batch);
                expectOk(response, "attendance batch");
                response.body().path("results").forEach(r -> {
                    if (r.path("status").asInt() < 300) {
                        acceptedIds.add(r.path("eventId").asText());
                    }
                });
                sent += batch.size();
                bar.update(sent);
            }
        }
        return acceptedIds.size();
    }

    /** One session's attendance arrives as a Zoom participant report instead of JSON. */
    private int importZoomReport(Session s, List<String> licensees) {
        StringBuilder csv = new StringBuilder("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n");
        DateTimeFormatter zoom = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
        int rows = 0;
        for (String licensee : sample(licensees, 0.2)) {
            String email = emails.get(licensee);
            ZonedDateTime join = s.startsAt().minusMinutes(random.nextInt(5));
            ZonedDateTime leave = s.endsAt().plusMinutes(random.nextInt(3));
            if (random.nextInt(8) == 0) { // a reconnect: two rows for one person
                ZonedDateTime drop = s.startsAt().plusMinutes(50);
                csv.append(zoomRow(email, join, drop, zoom)).append(zoomRow(email, drop.plusMinutes(2), leave, zoom));
                rows += 2;
            } else {
                csv.append(zoomRow(email, join, leave, zoom));
                rows++;
            }
        }
        var response = clients.postRaw(INGEST, "/v1/attendance/import?sessionId=" + s.id() + "&format=zoom",
                PROVIDER_KEYS.get(s.provider()), "text/csv", csv.toString());
        expectOk(response, "Zoom import");
        Console.step("Imported a Zoom report of " + rows + " rows for " + s.id());
        return response.body().path("eventsAccepted").asInt();
    }


    private static String zoomRow(String email, ZonedDateTime join, ZonedDateTime leave, DateTimeFormatter format) {
        long minutes = ChronoUnit.MINUTES.between(join, leave);
        return email.split("@")[0] + "," + email + "," + format.format(join) + "," + format.format(leave) + "," + minutes + ",No\n";
    }

    private List<String> sample(List<String> all, double fraction) {
        List<String> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.max(3, (int) (copy.size() * fraction)));
    }

    private static String iso(ZonedDateTime time) {
        return time.toOffsetDateTime().toString();
    }

    private static void expectOk(ServiceClients.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " failed with HTTP " + response.status() + ": " + response.body());
        }
    }
}
