package dev.accrue.reliability;

import dev.accrue.bench.Progress;
import dev.accrue.infra.launcher.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch is killed for the outage length, then the schema registry, both under steady ingest
 * load, and each is started again on its data. Promise: the services recover by themselves (healthy
 * again, nothing restarted by hand) and search's attendance index holds exactly the events the
 * topic holds.
 */
final class Outages {

    /** search-service's attendance index (its {@code Indices.ATTENDANCE}). */
    static final String ATTENDANCE_INDEX = "accrue-attendance";

    static ScenarioResult run(Rig rig, Settings settings) {
        String session = settings.prefix() + "-es";
        rig.catalog.session(session);
        List<String> licensees = settings.licensees(rig, "es");
        SteadyLoad load = SteadyLoad.attendance(rig, settings, session, licensees, 4);
        for (Component component : List.of(Component.ELASTICSEARCH, Component.SCHEMA_REGISTRY)) {
            Duration outage = component == Component.ELASTICSEARCH ? settings.elasticsearchOutage() : settings.outage();
            long acked = load.acknowledged();
            Rig.await("ingest has acknowledged more events", Duration.ofMinutes(1),
                    () -> load.acknowledged() >= acked + settings.rate() * 2L);
            Progress.step("Outages: %s down for %s under load", component, Progress.seconds(outage));
            long killedAt = System.nanoTime();
            rig.kill(component);
            Rig.await("the " + component + " outage has lasted " + Progress.seconds(outage), outage.plusSeconds(5),
                    () -> System.nanoTime() - killedAt >= outage.toNanos());
            rig.restart(component);
        }
        long acked = load.acknowledged();
        Rig.await("ingest acknowledges events after the outages", Duration.ofMinutes(2),
                () -> load.acknowledged() >= acked + settings.rate() * 2L);
        List<SteadyLoad.Outcome> outcomes = load.stop();

        Map<String, Long> onTopic = Topics.attendanceCounts(rig, session);
        long acknowledged = outcomes.stream().filter(SteadyLoad.Outcome::acknowledged).count();
        long ackedOnTopic = outcomes.stream().filter(o -> o.acknowledged() && onTopic.containsKey(o.eventId())).count();
        List<String> failures = new ArrayList<>();
        try {
            Rig.await("search has indexed all " + onTopic.size() + " events of the topic", Duration.ofMinutes(4),
                    () -> rig.count(ATTENDANCE_INDEX, "sessionId", session) == onTopic.size());
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
        }
        long indexed = rig.count(ATTENDANCE_INDEX, "sessionId", session);
        failures.addAll(rig.unhealthy("the outages"));
        if (ackedOnTopic < acknowledged) {
            failures.add((acknowledged - ackedOnTopic) + " acknowledged events are not on accrue.attendance");
        }
        long duplicated = onTopic.values().stream().filter(c -> c > 1).count();
        if (duplicated > 0) {
            failures.add(duplicated + " events are on accrue.attendance more than once");
        }
        return new ScenarioResult("Elasticsearch and registry down",
                "SIGKILL of Elasticsearch for " + Progress.seconds(settings.elasticsearchOutage()) + ", then of the schema "
                        + "registry for " + Progress.seconds(settings.outage()) + ", each restarted on its data",
                outcomes.size(), acknowledged, Math.min(indexed, ackedOnTopic), duplicated,
                Math.max(0, onTopic.size() - indexed),
                List.of("events on the topic: " + onTopic.size() + ", documents in " + ATTENDANCE_INDEX + ": " + indexed),
                failures);
    }

    private Outages() {
    }
}
