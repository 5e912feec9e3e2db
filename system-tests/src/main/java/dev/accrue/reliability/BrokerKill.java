package dev.accrue.reliability;

import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Progress;
import dev.accrue.events.AttendanceEvent;
import dev.accrue.stack.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Kafka broker is killed (SIGKILL) under steady ingest load and started again on its data.
 * Promise: every event ingest acknowledged is on {@code accrue.attendance} exactly once, no request
 * that both started and ended while the broker was down got a 2xx, and ingest accepts events again
 * by itself once the broker is back.
 */
final class BrokerKill {

    static ScenarioResult run(Rig rig, Settings settings) {
        String session = settings.prefix() + "-bk";
        rig.catalog.session(session);
        List<String> licensees = settings.licensees(rig, "bk");
        Progress.step("Broker kill: %d events/s through ingest, broker down for %s", settings.rate(), settings.outage());
        SteadyLoad load = new SteadyLoad(rig.clients, settings.rate(), 8, n -> rig.catalog.attendance(
                session + "-e" + n, session, licensees.get((int) (n % licensees.size())), n % 2 == 0 ? "JOINED" : "LEFT",
                (n / 2 % 60) + 0.5));
        Rig.await("ingest has acknowledged events", Duration.ofMinutes(1), () -> load.acknowledged() >= settings.rate() * 3L);
        long killedAt = System.nanoTime();
        rig.kill(Component.KAFKA);
        Rig.await("the outage has lasted " + settings.outage(), settings.outage().plusSeconds(5),
                () -> System.nanoTime() - killedAt >= settings.outage().toNanos());
        long restartedAt = System.nanoTime();
        rig.restart(Component.KAFKA);
        long ackedBefore = load.acknowledged();
        Rig.await("ingest acknowledges events again", Duration.ofMinutes(3),
                () -> load.acknowledged() >= ackedBefore + settings.rate() * 3L);
        List<SteadyLoad.Outcome> outcomes = load.stop();

        Map<String, Long> onTopic = Topics.readAll(rig.kafka, BenchKafka.ATTENDANCE, AttendanceEvent.class).stream()
                .filter(e -> e.getSessionId().equals(session))
                .collect(Collectors.groupingBy(AttendanceEvent::getEventId, Collectors.counting()));
        List<SteadyLoad.Outcome> acked = outcomes.stream().filter(SteadyLoad.Outcome::acknowledged).toList();
        long found = acked.stream().filter(o -> onTopic.containsKey(o.eventId())).count();
        long duplicated = onTopic.values().stream().filter(c -> c > 1).count();
        long okDuringOutage = outcomes.stream().filter(o -> o.acknowledged()
                && o.startedNanos() > killedAt && o.endedNanos() < restartedAt).count();
        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(SteadyLoad.Outcome::status,
                TreeMap::new, Collectors.counting()));

        List<String> failures = new ArrayList<>();
        if (found < acked.size()) {
            failures.add((acked.size() - found) + " acknowledged events are not on accrue.attendance");
        }
        if (duplicated > 0) {
            failures.add(duplicated + " events are on accrue.attendance more than once");
        }
        if (okDuringOutage > 0) {
            failures.add(okDuringOutage + " requests got a 2xx while the broker was down");
        }
        long unacknowledgedFound = outcomes.stream().filter(o -> !o.acknowledged() && onTopic.containsKey(o.eventId())).count();
        return new ScenarioResult("Kafka broker killed", "SIGKILL of the only broker for " + Progress.seconds(settings.outage())
                + ", then restarted on its data", outcomes.size(), acked.size(), found, duplicated, acked.size() - found,
                List.of("answers by status: " + statuses,
                        "refused but written anyway (the client may retry them safely: ingest ids are idempotent downstream): "
                                + unacknowledgedFound),
                failures);
    }

    private BrokerKill() {
    }
}
