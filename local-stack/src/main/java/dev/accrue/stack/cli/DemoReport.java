package dev.accrue.stack.cli;

import dev.accrue.stack.ServiceClients;

import static dev.accrue.stack.ServiceFleet.Service.SEARCH;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's closing summary, read back from the services (never from the generator's own
 * counts): what search has indexed, which reflects what ingest accepted and credit decided.
 */
record DemoReport(long attendance, long awards, long certificates, double creditHours, JsonNode compliance,
                  JsonNode topCourses, JsonNode hoursPerMonth, Duration settledAfter) {

    String render() {
        StringBuilder out = new StringBuilder("\n=== Accrue demo summary (read back from the services) ===\n");
        out.append(String.format("Attendance events accepted and indexed: %,d%n", attendance));
        out.append(String.format("Credit awards issued:                   %,d%n", awards));
        out.append(String.format("Certificates issued:                    %,d%n", certificates));
        out.append(String.format("Credit hours awarded:                   %,.1f%n", creditHours));
        out.append("Compliance by board and status:\n").append(indent(compliance));
        out.append("Top courses by attendees:\n").append(indent(topCourses));
        out.append("Credit hours per month:\n");
        hoursPerMonth.path("buckets").forEach(b ->
                out.append(String.format("  %-12s %,8.1f%n", b.path("start").asText(), b.path("value").asDouble())));
        out.append(String.format("Pipeline settled %.1f s after the last event was sent.%n", settledAfter.toMillis() / 1000.0));
        return out.toString();
    }

    private static String indent(JsonNode node) {
        return "  " + node.toPrettyString().replace("\n", "\n  ") + "\n";
    }

    /** Polls the analytics API until every accepted event is searchable and credit has stopped changing. */
    static final class Reader {
        private final ServiceClients clients;
        private final String range;

        Reader(ServiceClients clients, Instant from, Instant to) {
            this.clients = clients;
            this.range = "from=" + LocalDate.ofInstant(from, ZoneOffset.UTC) + "&to=" + LocalDate.ofInstant(to, ZoneOffset.UTC);
        }

        DemoReport awaitSettled(long acceptedEvents) {
            Instant start = Instant.now();
            Instant deadline = start.plus(Duration.ofMinutes(3));
            Console.ProgressBar bar = new Console.ProgressBar("indexed", acceptedEvents);
            long indexed = 0;
            List<Double> recentHours = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                indexed = total("attendances");
                bar.update(Math.min(indexed, acceptedEvents));
                recentHours.add(sum(trend("creditHours", "month")));
                // Settled: every event searchable and credit hours unchanged over the last three polls.
                int n = recentHours.size();
                if (indexed >= acceptedEvents && n >= 3 && recentHours.get(n - 1) > 0
                        && recentHours.get(n - 1).equals(recentHours.get(n - 2)) && recentHours.get(n - 2).equals(recentHours.get(n - 3))) {
                    break;
                }
                pause();
            }
            JsonNode hours = trend("creditHours", "month");
            return new DemoReport(indexed, total("awards"), total("certificates"), sum(hours),
                    get("/v1/analytics/compliance?" + range), get("/v1/analytics/top-courses?by=attendees&limit=5&" + range),
                    hours, Duration.between(start, Instant.now()));
        }

        private long total(String metric) {
            return Math.round(sum(trend(metric, "month")));
        }

        private JsonNode trend(String metric, String interval) {
            return get("/v1/analytics/trends?metric=" + metric + "&interval=" + interval + "&" + range);
        }

        private static double sum(JsonNode trend) {
            double total = 0;
            for (JsonNode bucket : trend.path("buckets")) {
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
                Thread.sleep(1000); // polling interval of a progress display, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
