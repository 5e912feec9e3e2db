package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.CREDIT;
import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;
import static dev.accrue.infra.launcher.ServiceFleet.Service.SEARCH;

import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Progress;
import dev.accrue.infra.launcher.ServiceClients;
import dev.accrue.infra.launcher.ServiceFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two instances of every service at once, as a scaled-out deployment runs them. Promises: the two
 * ingest instances agree on who owns a licensee (one registered through the first cannot be taken
 * over through the second); every transcript is served by either credit instance, whichever holds
 * its state (owner forwarding); and when one search instance stops under load, the other takes
 * over its partitions and the index still holds every event on the topic.
 */
final class TwoInstances {

    static ScenarioResult run(Rig rig, Settings settings) {
        // The second instances go when the scenario ends, so later scenarios meet one instance of each again.
        try (ServiceFleet second = rig.context.fleet(List.of(ServiceFleet.Service.values()), List.of())) {
            return run(rig, second, settings);
        }
    }

    private static ScenarioResult run(Rig rig, ServiceFleet second, Settings settings) {
        ServiceClients viaFirst = rig.clients;
        ServiceClients viaSecond = new ServiceClients(second);
        String session = settings.prefix() + "-ti";
        rig.catalog.session(session);
        List<String> licensees = settings.licensees(rig, "ti");
        List<String> failures = new ArrayList<>();

        Progress.step("Two instances: ownership through the other ingest instance");
        long takenOver = licensees.stream().filter(l -> viaSecond.put(INGEST, "/v1/licensees/" + l,
                Catalog.OTHER_PROVIDER_KEY, Catalog.profile(l)).ok()).count();
        if (takenOver > 0) {
            failures.add(takenOver + " licensees registered through ingest 1 were replaced by another provider through ingest 2");
        }

        Progress.step("Two instances: attendance through both ingest instances while search instance 2 stops");
        SteadyLoad load = SteadyLoad.attendance(rig, settings, session, licensees, 4);
        long sentThroughSecond = 0;
        long ackedThroughSecond = 0;
        for (int i = 0; i < licensees.size(); i++) {
            sentThroughSecond++;
            ackedThroughSecond += viaSecond.post(INGEST, "/v1/attendance", Catalog.PROVIDER_KEY, rig.catalog.attendance(
                    session + "-s" + i, session, licensees.get(i), "JOINED", 0)).ok() ? 1 : 0;
        }
        Rig.await("ingest has acknowledged events", Duration.ofMinutes(1), () -> load.acknowledged() >= settings.rate() * 3L);
        second.stop(SEARCH);
        long acked = load.acknowledged();
        Rig.await("more events are acknowledged after search instance 2 stopped", Duration.ofMinutes(1),
                () -> load.acknowledged() >= acked + settings.rate() * 3L);
        List<SteadyLoad.Outcome> outcomes = load.stop();
        rig.catalog.close(session);
        if (ackedThroughSecond < sentThroughSecond) {
            failures.add((sentThroughSecond - ackedThroughSecond) + " of " + sentThroughSecond
                    + " events for licensees registered through ingest 1 were refused by ingest 2");
        }

        Set<String> onTopic = Topics.attendanceCounts(rig, session).keySet();
        long acknowledged = outcomes.stream().filter(SteadyLoad.Outcome::acknowledged).count() + ackedThroughSecond;
        try {
            Rig.await("search instance 1 has indexed all " + onTopic.size() + " events", Duration.ofMinutes(3),
                    () -> rig.count(Outages.ATTENDANCE_INDEX, "sessionId", session) == onTopic.size());
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
        }
        long indexed = rig.count(Outages.ATTENDANCE_INDEX, "sessionId", session);

        Progress.step("Two instances: every transcript from both credit instances");
        rig.awaitConsumed(CreditKills.GROUP, BenchKafka.ATTENDANCE, Duration.ofMinutes(3));
        // Right after a scale-out both instances may still be rebalancing (503); wait until both answer alike.
        List<String> differing = new ArrayList<>();
        try {
            Rig.await("both credit instances serve every transcript alike", Duration.ofMinutes(2), () -> {
                differing.clear();
                for (String licensee : licensees) {
                    String path = "/v1/licensees/" + licensee + "/transcript";
                    ServiceClients.Response one = viaFirst.get(CREDIT, path, Catalog.ADMIN_KEY);
                    ServiceClients.Response two = viaSecond.get(CREDIT, path, Catalog.ADMIN_KEY);
                    if (!one.ok() || !two.ok() || !one.body().equals(two.body())) {
                        differing.add(licensee + ": " + one.status() + " " + one.body() + " vs " + two.status() + " " + two.body());
                    }
                }
                return differing.isEmpty();
            });
        } catch (IllegalStateException e) {
            failures.add(differing.size() + " transcripts differ by credit instance, e.g. " + differing.get(0));
        }
        return new ScenarioResult("Two instances of each service", "ownership across ingest instances, transcripts from "
                + "either credit instance, search instance 2 stopped under load", outcomes.size() + sentThroughSecond,
                acknowledged, Math.min(indexed, onTopic.size()), 0, Math.max(0, onTopic.size() - indexed),
                List.of("takeovers through the other ingest instance: " + takenOver,
                        "transcripts compared across credit instances: " + licensees.size() + ", differing: " + differing.size(),
                        "events on the topic: " + onTopic.size() + ", indexed: " + indexed),
                failures);
    }

    private TwoInstances() {
    }
}
