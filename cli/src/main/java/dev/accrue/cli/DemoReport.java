package dev.accrue.cli;

import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;
import static dev.accrue.infra.launcher.ServiceFleet.Service.SEARCH;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.infra.launcher.ServiceClients;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's closing summary, read back from the services, never from the generator's own
 * counts: events accepted from the ingest service's metrics, and everything else from the
 * search service's analytics, which reflect what the credit service decided.
 */
public record DemoReport(long eventsAccepted, long attendances, long awards, long certificates, double creditHours,
                  JsonNode compliance, JsonNode topCourses, JsonNode hoursPerMonth, Duration settledAfter) {

    public String render() {
        StringBuilder out = new StringBuilder("\n=== Accrue demo summary (read back from the services) ===\n");
        out.append(String.format("Attendance events accepted by ingest:  %,d%n", eventsAccepted));
        out.append(String.format("Attendances (person x session):        %,d%n", attendances));
        out.append(String.format("Credit awards issued:                  %,d%n", awards));
        out.append(String.format("Certificates issued:                   %,d%n", certificates));
        out.append(String.format("Credit hours awarded (all bodies):     %,.1f%n", creditHours));
        out.append("\nCompliance (licences per status, by board):\n");
        for (JsonNode board : compliance.path("boards")) {
            StringBuilder statuses = new StringBuilder();
            board.path("statuses").fields().forEachRemaining(s -> statuses.append(String.format("  %s %d", s.getKey(),
                    s.getValue().asLong())));
            out.append(String.format("  %-10s%s%n", board.path("board").asText(), statuses));
        }
        out.append("\nTop courses by attendees:\n");
        for (JsonNode course : topCourses.path("courses")) {
            out.append(String.format("  %6.0f  %s (%s)%n", course.path("value").asDouble(), course.path("title").asText(),
                    course.path("providerId").asText()));
        }
        out.append("\nCredit hours per month:\n");
        hoursPerMonth.path("buckets").forEach(b ->
                out.append(String.format("  %-12s %,8.1f%n", b.path("start").asText(), b.path("value").asDouble())));
        out.append(String.format("%nThe pipeline settled %.1f s after the last event was sent.%n", settledAfter.toMillis() / 1000.0));
        return out.toString();
    }

    /** Polls the services until credit and search have stopped changing, then reads the summary. */
    static final class Reader {
        private static final int STABLE_POLLS = 4;

        private final ServiceClients clients;
        private final String range;

        Reader(ServiceClients clients, Instant from, Instant to) {
            this.clients = clients;
            this.range = "from=" + LocalDate.ofInstant(from, ZoneOffset.UTC) + "&to=" + LocalDate.ofInstant(to, ZoneOffset.UTC);
        }

        DemoReport awaitSettled() {
            Instant start = Instant.now();
            Instant deadline = start.plus(Duration.ofMinutes(3));
            List<List<Double>> polls = new ArrayList<>();
            while (Instant.now().isBefore(deadline) && !settled(polls)) {
                List<Double> now = List.of(total("attendances"), total("awards"), total("certificates"), total("creditHours"));
                polls.add(now);
                System.out.printf("\r  settling: %,.0f attendances, %,.0f awards, %,.0f certificates, %,.1f credit hours   ",
                        now.get(0), now.get(1), now.get(2), now.get(3));
                System.out.flush();
                pause();
            }
            System.out.println();
            Duration settledAfter = Duration.between(start, Instant.now());
            return new DemoReport(eventsAccepted(), Math.round(total("attendances")), Math.round(total("awards")),
                    Math.round(total("certificates")), total("creditHours"),
                    get("/v1/analytics/compliance"), get("/v1/analytics/top-courses?by=attendees&limit=5&" + range),
                    get("/v1/analytics/trends?metric=creditHours&interval=month&" + range), settledAfter);
        }

        /** Settled: certificates exist and nothing changed over the last few polls. */
        private static boolean settled(List<List<Double>> polls) {
            int n = polls.size();
            if (n < STABLE_POLLS || polls.get(n - 1).get(2) == 0) {
                return false;
            }
            return polls.subList(n - STABLE_POLLS, n).stream().distinct().count() == 1;
        }

        private long eventsAccepted() {
            ServiceClients.Response response = clients.get(INGEST,
                    "/actuator/metrics/accrue.ingest.attendance.events?tag=outcome:accepted", DevKeys.ADMIN);
            return response.ok() ? Math.round(response.body().path("measurements").path(0).path("value").asDouble()) : -1;
        }

        private double total(String metric) {
            double total = 0;
            for (JsonNode bucket : get("/v1/analytics/trends?metric=" + metric + "&interval=month&" + range).path("buckets")) {
                total += bucket.path("value").asDouble();
            }
            return total;
        }

        private JsonNode get(String path) {
            ServiceClients.Response response = clients.get(SEARCH, path, DevKeys.ANALYST);
            if (!response.ok()) {
                throw new IllegalStateException("GET " + path + " failed with HTTP " + response.status() + ": " + response.body());
            }
            return response.body();
        }

        private static void pause() {
            try {
                Thread.sleep(1500); // the polling interval of a progress display, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
