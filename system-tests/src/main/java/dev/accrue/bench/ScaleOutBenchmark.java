package dev.accrue.bench;

import dev.accrue.infra.launcher.ServiceFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Scale-out on one machine: the credit workload of the credit benchmark, applied by one credit-service instance
 * and then by two in one consumer group, and the same attendance indexed by one search-service instance and then
 * by two, each from the start of the topic in a group of its own. It shows that the work spreads (the partitions
 * each instance was given) and what a second instance buys when both share the same cores.
 */
final class ScaleOutBenchmark {

    static final String KEY = "scaleout";
    static final String TITLE = "Scale-out: one and two credit and search instances";
    /** Enough partitions for each of two instances to get three. */
    private static final int PARTITIONS = 6;
    /** What search-service writes for this workload (no awards: no session is finalised). */
    private static final List<String> INDEXED = List.of("accrue-sessions", "accrue-attendance", "accrue-participations",
            "accrue-enrolments");
    /**
     * The production finalization timers, and every instance counted as caught up: Kafka Streams otherwise gives a
     * joining instance no active task until it has warmed up a copy of the state (and moves tasks only at the next
     * probing rebalance, 10 minutes later), so the second instance would sit idle for the whole run.
     */
    private static final List<String> CREDIT_ARGS = Stream.concat(CreditBenchmark.PRODUCTION_TIMERS.stream(),
            Stream.of("-Dspring.kafka.streams.properties.acceptable.recovery.lag=" + Long.MAX_VALUE)).toList();

    private final BenchContext context;
    private final int events;

    ScaleOutBenchmark(BenchContext context, int events) {
        this.context = context;
        this.events = events;
    }

    /** One configuration's rate and the attendance partitions each instance held while it ran. */
    record Run(double perSecond, List<Integer> partitionsPerInstance) {
    }

    record Measured(int events, Run credit1, Run credit2, Run search1, Run search2) {
    }

    BenchmarkReport run() throws Exception {
        return report(measure());
    }

    Measured measure() throws Exception {
        try (BenchKafka kafka = new BenchKafka(context.endpoints());
             BenchElastic elastic = new BenchElastic(context.endpoints().elasticsearchUrl());
             KafkaProducer<String, SpecificRecord> producer = kafka.producer()) {
            kafka.createAccrueTopics(PARTITIONS);
            CreditBenchmark workload = new CreditBenchmark(context, events);
            workload.produce(kafka, producer);
            long total = kafka.endOffsetSum(BenchKafka.ATTENDANCE);

            Run credit1 = consume(kafka, ServiceFleet.Service.CREDIT, 1, "bench-scaleout-credit-1",
                    "-Dspring.kafka.streams.application-id=", total);
            Run credit2 = consume(kafka, ServiceFleet.Service.CREDIT, 2, "bench-scaleout-credit-2",
                    "-Dspring.kafka.streams.application-id=", total);
            Run search1 = consume(kafka, ServiceFleet.Service.SEARCH, 1, "bench-scaleout-search-1",
                    "-Daccrue.search.indexing.group-id=", total);
            // The second search run writes the same documents again: empty the indices so it does the same work.
            elastic.delete(String.join(",", INDEXED));
            Run search2 = consume(kafka, ServiceFleet.Service.SEARCH, 2, "bench-scaleout-search-2",
                    "-Daccrue.search.indexing.group-id=", total);
            return new Measured((int) total, credit1, credit2, search1, search2);
        }
    }

    /**
     * Starts {@code instances} instances of the service in one fresh group, times the group from its first commit
     * until it has committed every attendance record, notes how the partitions were spread, and stops them.
     */
    private Run consume(BenchKafka kafka, ServiceFleet.Service service, int instances, String group, String groupProperty,
                        long total) throws Exception {
        Progress.step("%s: %d instance(s) in group %s, from the start of %s", service.module(), instances, group,
                BenchKafka.ATTENDANCE);
        List<String> jvmArgs = new ArrayList<>(List.of(groupProperty + group));
        if (service == ServiceFleet.Service.CREDIT) {
            jvmArgs.addAll(CREDIT_ARGS);
        }
        List<ServiceFleet> fleets = new ArrayList<>();
        Progress.Bar bar = Progress.bar("events", total);
        try (Sampler committed = new Sampler(group, () -> kafka.committedSum(group, BenchKafka.ATTENDANCE), 100, bar)) {
            // One after the other: two instances of a service started at once would race for the same free port,
            // and so for the same log file and state directory.
            for (int i = 0; i < instances; i++) {
                List<String> args = new ArrayList<>(jvmArgs);
                if (service == ServiceFleet.Service.SEARCH) {
                    // Each instance runs several consumers; a client id of its own tells whose they are.
                    args.add("-Dspring.kafka.consumer.client-id=" + group + "-instance-" + i);
                }
                fleets.add(context.fleet(List.of(service), args));
            }
            List<Integer> spread = partitionsPerMember(group, instances);
            // The rate counts from the moment all of them hold partitions, whichever joined first.
            long stableAt = Math.max(0, committed.last());
            if (stableAt >= total) {
                throw new IllegalStateException(group + " finished before all " + instances + " instances held partitions;"
                        + " a larger --scale gives them time to join");
            }
            if (!committed.awaitAtLeast(total, Duration.ofSeconds(120 + total / 300))) {
                throw new IllegalStateException(group + " committed " + committed.last() + " of " + total + " records");
            }
            bar.close();
            Sampler.Throughput rate = committed.throughput(stableAt, total);
            Progress.step("%s: %s; partitions per instance %s", group, Stats.rate(rate.perSecond(), "events"), spread);
            return new Run(rate.perSecond(), spread);
        } finally {
            fleets.forEach(ServiceFleet::close);
        }
    }

    /**
     * The instance a consumer belongs to, from its client id: a Kafka Streams thread's carries its process
     * ({@code <app>-<process>-StreamThread-1-consumer}), a listener container's is the instance's id and a number.
     */
    static String instanceOf(String clientId) {
        int thread = clientId.indexOf("-StreamThread-");
        return thread >= 0 ? clientId.substring(0, thread) : clientId.replaceFirst("-\\d+$", "");
    }

    /** Attendance partitions per instance of the group, once {@code members} instances hold all of them. */
    private List<Integer> partitionsPerMember(String group, int members) throws InterruptedException {
        List<Integer> spread = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                context.endpoints().kafkaBootstrapServers()))) {
            Sampler.await("group " + group + " has spread the attendance partitions", Duration.ofMinutes(2), () -> {
                try {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                            .get(10, TimeUnit.SECONDS).get(group);
                    Map<String, Integer> perMember = new TreeMap<>();
                    for (MemberDescription member : description.members()) {
                        perMember.merge(instanceOf(member.clientId()), (int) member.assignment().topicPartitions().stream()
                                .filter(tp -> tp.topic().equals(BenchKafka.ATTENDANCE)).count(), Integer::sum);
                    }
                    int assigned = perMember.values().stream().mapToInt(Integer::intValue).sum();
                    spread.clear();
                    spread.addAll(perMember.values());
                    return perMember.size() == members && assigned == PARTITIONS
                            && perMember.values().stream().allMatch(n -> n > 0);
                } catch (Exception e) {
                    return false; // the group is still forming
                }
            });
        }
        return spread.stream().sorted(Comparator.reverseOrder()).toList();
    }

    static BenchmarkReport report(Measured m) {
        return new BenchmarkReport.Builder(KEY, TITLE)
                .method(method(m.events()))
                .row("credit-service, 2 instances: attendance events/s with EOS", Stats.rate(m.credit2().perSecond(), "events"),
                        Stats.rate(m.credit1().perSecond(), "events") + " (1 instance)",
                        Stats.ratio(m.credit2().perSecond(), m.credit1().perSecond()),
                        "spreads: partitions per instance " + m.credit2().partitionsPerInstance(),
                        new Stats.Figure(m.credit2().perSecond() / m.credit1().perSecond(), v -> "ratio " + Stats.ratio(v, 1)))
                .row("search-service, 2 instances: attendance events/s indexed", Stats.rate(m.search2().perSecond(), "events"),
                        Stats.rate(m.search1().perSecond(), "events") + " (1 instance)",
                        Stats.ratio(m.search2().perSecond(), m.search1().perSecond()),
                        "spreads: partitions per instance " + m.search2().partitionsPerInstance(),
                        new Stats.Figure(m.search2().perSecond() / m.search1().perSecond(), v -> "ratio " + Stats.ratio(v, 1)))
                .note("What to expect elsewhere: every partition of `accrue.attendance` (and of the topics keyed like it) is "
                        + "one unit of work, held by one instance of a group at a time, so a group scales out up to as many "
                        + "instances as the topic has partitions (6 here, 3 by default: raise `accrue.topics.partitions` "
                        + "before a deployment needs more, since repartitioning changes which partition a key lives on). "
                        + "On this machine the instances share 2 cores with the broker and Elasticsearch, so a second "
                        + "instance mostly shows that the work spreads and nothing is lost or repeated; on machines of their "
                        + "own, each instance brings its own cores and credit's rate grows with instances until the broker's "
                        + "transactions or the partitions run out, while search's grows until Elasticsearch's indexing does "
                        + "(add nodes and shards there).")
                .build();
    }

    private static String method(int events) {
        return """
                The credit benchmark's workload (%,d attendance events over licensees and sessions, keyed by licensee)
                is on the topics, with %d partitions each, before any consumer starts. credit-service (production
                finalization timers, so no session is finalised mid-run) consumes it with one instance, then with two
                in a new consumer group (its Kafka Streams application id); search-service indexes the same events with
                one instance, then, after the indices are emptied, with two in a new group. Each instance is its own
                process (`-Xmx512m`, profile `local`) on this machine, the instances of a run started one after the
                other; a rate runs from the moment every instance holds partitions. With two credit instances each also keeps a
                standby copy of the other's state (`num.standby.replicas: 1`, as deployed), so a second instance adds
                work as well as hands, and every instance counts as caught up (`acceptable.recovery.lag`), so a joining
                one takes its share at once instead of warming up a copy of the state first. A rate ends at the sample where the group has committed every record; the
                partitions per instance are read from the group's assignment once it is stable. The baseline is the one-instance run of the same service in
                the same run."""
                .formatted(events, PARTITIONS);
    }
}
