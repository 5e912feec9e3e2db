package dev.accrue.reliability;

import dev.accrue.bench.Progress;
import dev.accrue.infra.launcher.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A Kafka broker is killed (SIGKILL) under steady ingest load and started again on its data.
 * Promise: every event ingest acknowledged is on {@code accrue.attendance} exactly once, and ingest
 * accepts events again by itself once the broker is back. With a single broker, no request that
 * both started and ended while it was down got a 2xx (nothing can be stored, so nothing may be
 * acknowledged); in a three-node cluster, ingest keeps acknowledging while one node is down.
 */
final class BrokerKill {

    static ScenarioResult onlyBroker(Rig rig, Settings settings) {
        return run(rig, settings, "Kafka broker killed", "SIGKILL of the only broker", settings.outage(), false,
                () -> rig.kill(Component.KAFKA), () -> rig.restart(Component.KAFKA));
    }

    static ScenarioResult oneOfThree(Rig rig, Settings settings) {
        return run(rig, settings, "One of three Kafka nodes killed",
                "SIGKILL of node 1 of a 3-node KRaft cluster (replication 3, min.insync.replicas 2)",
                settings.clusterOutage(), true,
                () -> rig.context.cluster().kill(1), () -> rig.context.cluster().start(1));
    }

    private static ScenarioResult run(Rig rig, Settings settings, String name, String fault, Duration outage,
                                      boolean staysAvailable, Runnable kill, Runnable restart) {
        String session = settings.prefix() + (staysAvailable ? "-ck" : "-bk");
        rig.catalog.session(session);
        List<String> licensees = settings.licensees(rig, staysAvailable ? "ck" : "bk");
        Progress.step("%s: %d events/s through ingest, down for %s", name, settings.rate(), Progress.seconds(outage));
        SteadyLoad load = SteadyLoad.attendance(rig, settings, session, licensees, 8);
        Rig.await("ingest has acknowledged events", Duration.ofMinutes(1), () -> load.acknowledged() >= settings.rate() * 3L);
        kill.run();
        long killedAt = System.nanoTime(); // once the process is gone: a request acknowledged before was stored before
        Rig.await("the outage has lasted " + Progress.seconds(outage), outage.plusSeconds(5),
                () -> System.nanoTime() - killedAt >= outage.toNanos());
        long restartedAt = System.nanoTime();
        restart.run();
        long ackedBefore = load.acknowledged();
        Rig.await("ingest acknowledges events after the restart", Duration.ofMinutes(3),
                () -> load.acknowledged() >= ackedBefore + settings.rate() * 3L);
        List<SteadyLoad.Outcome> outcomes = load.stop();

        Map<String, Long> onTopic = Topics.attendanceCounts(rig, session);
        List<SteadyLoad.Outcome> acked = outcomes.stream().filter(SteadyLoad.Outcome::acknowledged).toList();
        long found = acked.stream().filter(o -> onTopic.containsKey(o.eventId())).count();
        long duplicated = onTopic.values().stream().filter(c -> c > 1).count();
        List<SteadyLoad.Outcome> duringOutage = outcomes.stream()
                .filter(o -> o.startedNanos() > killedAt && o.endedNanos() < restartedAt).toList();
        long ackedDuringOutage = duringOutage.stream().filter(SteadyLoad.Outcome::acknowledged).count();
        // A cluster needs a moment to fence the dead node and elect new leaders; after that it must serve as before.
        long failedOver = killedAt + Settings.FAILOVER.toNanos();
        List<SteadyLoad.Outcome> afterFailover = duringOutage.stream().filter(o -> o.startedNanos() > failedOver).toList();
        long ackedAfterFailover = afterFailover.stream().filter(SteadyLoad.Outcome::acknowledged).count();
        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(SteadyLoad.Outcome::status,
                TreeMap::new, Collectors.counting()));

        List<String> failures = new ArrayList<>();
        if (found < acked.size()) {
            failures.add((acked.size() - found) + " acknowledged events are not on accrue.attendance");
        }
        if (duplicated > 0) {
            failures.add(duplicated + " events are on accrue.attendance more than once");
        }
        if (!staysAvailable && ackedDuringOutage > 0) {
            failures.add(ackedDuringOutage + " requests got a 2xx while the only broker was down");
        }
        if (staysAvailable && (afterFailover.isEmpty() || ackedAfterFailover < afterFailover.size() * 9 / 10)) {
            failures.add("only " + ackedAfterFailover + " of " + afterFailover.size() + " requests sent while one node was"
                    + " down (from " + Progress.seconds(Settings.FAILOVER) + " after the kill) were acknowledged");
        }
        long unacknowledgedFound = outcomes.stream().filter(o -> !o.acknowledged() && onTopic.containsKey(o.eventId())).count();
        return new ScenarioResult(name, fault + " for " + Progress.seconds(outage) + ", then restarted on its data",
                outcomes.size(), acked.size(), found, duplicated, acked.size() - found,
                List.of("answers by status: " + statuses,
                        "requests that started and ended during the outage: " + duringOutage.size() + ", acknowledged: "
                                + ackedDuringOutage + (staysAvailable ? " (from " + Progress.seconds(Settings.FAILOVER)
                                + " after the kill: " + ackedAfterFailover + " of " + afterFailover.size() + ")" : ""),
                        "refused but stored anyway (a retry by the client is deduplicated downstream by its eventId): "
                                + unacknowledgedFound),
                failures);
    }

    private BrokerKill() {
    }
}
