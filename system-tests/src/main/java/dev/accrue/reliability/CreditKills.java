package dev.accrue.reliability;

import static dev.accrue.infra.launcher.ServiceFleet.Service.CREDIT;
import static dev.accrue.infra.launcher.ServiceFleet.Service.INGEST;

import dev.accrue.bench.BenchKafka;
import dev.accrue.bench.Progress;
import dev.accrue.events.CertificateIssued;
import dev.accrue.events.ComplianceStatus;
import dev.accrue.events.CreditAward;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * credit-service is killed (SIGKILL) at random points while attendance for one session streams in,
 * and restarted each time. A twin session with the same schedule and twin licensees ran first with
 * no fault; its awards, certificates and compliance are what a fault-free run gives. Promise: the
 * faulty run's results equal the twin's, licensee by licensee, and exactly-once processing left no
 * award or certificate revision on its topic twice.
 */
final class CreditKills {

    /** credit-service's Kafka Streams application id, which is also its consumer group. */
    static final String GROUP = "accrue-credit-service";

    static ScenarioResult run(Rig rig, Settings settings) {
        String twin = settings.prefix() + "-ca";
        String faulty = settings.prefix() + "-cb";
        rig.catalog.session(twin);
        rig.catalog.session(faulty);
        List<String> twinLicensees = settings.licensees(rig, "ca");
        List<String> faultyLicensees = settings.licensees(rig, "cb");

        Progress.step("Credit kills: the fault-free twin first");
        List<Map<String, Object>> twinEvents = events(rig, twin, twinLicensees);
        twinEvents.forEach(e -> post(rig, e));
        rig.catalog.close(twin);
        awaitCredited(rig, twin, twinLicensees);

        Progress.step("Credit kills: the same schedule again, killing credit-service %d times", settings.creditKills());
        List<Map<String, Object>> faultyEvents = events(rig, faulty, faultyLicensees);
        Random random = new Random(settings.seed());
        long acknowledged = 0;
        int kills = 0;
        // One kill at a random event within each round, so kills land mid-stream, mid-batch and mid-commit.
        int perRound = Math.max(1, faultyEvents.size() / (settings.creditKills() + 1));
        List<Integer> killAfter = new ArrayList<>();
        for (int k = 0; k < settings.creditKills(); k++) {
            killAfter.add(k * perRound + random.nextInt(perRound));
        }
        for (int i = 0; i < faultyEvents.size(); i++) {
            acknowledged += post(rig, faultyEvents.get(i)) ? 1 : 0;
            if (kills < killAfter.size() && i == killAfter.get(kills)) {
                rig.kill(CREDIT);
                rig.restart(CREDIT);
                kills++;
            }
        }
        rig.catalog.close(faulty);
        try {
            awaitCredited(rig, faulty, faultyLicensees);
        } catch (IllegalStateException e) {
            // Compared below all the same: the missing results are what the report must show.
        }

        List<CreditAward> awards = Topics.readAll(rig, BenchKafka.CREDITS, CreditAward.class);
        List<CertificateIssued> certificates = Topics.readAll(rig, BenchKafka.CERTIFICATES, CertificateIssued.class);
        List<ComplianceStatus> compliance = Topics.readAll(rig, BenchKafka.COMPLIANCE, ComplianceStatus.class);
        Map<String, String> twinResults = results(twin, twinLicensees, awards, certificates, compliance);
        Map<String, String> faultyResults = results(faulty, faultyLicensees, awards, certificates, compliance);

        List<String> differing = new ArrayList<>();
        for (int i = 0; i < twinLicensees.size(); i++) {
            String expected = twinResults.get(twinLicensees.get(i));
            String actual = faultyResults.get(faultyLicensees.get(i));
            if (!expected.equals(actual)) {
                differing.add(faultyLicensees.get(i) + ": expected " + expected + ", got " + actual);
            }
        }
        long duplicated = duplicates(awards.stream().filter(a -> a.getSessionId().equals(faulty))
                .map(a -> a.getAwardId() + "#" + a.getRevision()).toList())
                + duplicates(certificates.stream().filter(c -> c.getSessionId().equals(faulty))
                .map(c -> c.getCertificateId() + "#" + c.getRevision()).toList());
        List<String> failures = new ArrayList<>();
        if (kills < settings.creditKills()) {
            failures.add("credit-service was killed " + kills + " times, not " + settings.creditKills());
        }
        if (!differing.isEmpty()) {
            failures.add(differing.size() + " licensees' results differ from the fault-free twin, e.g. " + differing.get(0));
        }
        if (duplicated > 0) {
            failures.add(duplicated + " award or certificate revisions are on their topic more than once");
        }
        if (twinResults.values().stream().noneMatch(r -> r.contains("hours="))) {
            failures.add("the fault-free twin earned no award, so the comparison proves nothing");
        }
        return new ScenarioResult("credit-service killed " + kills + " times",
                "SIGKILL of credit-service at random events, each followed by a restart", faultyEvents.size(), acknowledged,
                faultyLicensees.size() - differing.size(), duplicated, differing.size(),
                List.of("compared per licensee: latest award hours per body, certificate revision and awards, compliance "
                        + "earned hours and status", "found/lost count licensees, not events"),
                failures);
    }

    /**
     * Each licensee joins up to 3 minutes late and drops out once for up to 2 minutes: within every
     * body's tolerance, so each earns an award, a certificate and a compliance report to compare.
     */
    private static List<Map<String, Object>> events(Rig rig, String session, List<String> licensees) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < licensees.size(); i++) {
            String licensee = licensees.get(i);
            events.add(rig.catalog.attendance(session + "-" + i + "-a", session, licensee, "JOINED", i % 4));
            events.add(rig.catalog.attendance(session + "-" + i + "-b", session, licensee, "LEFT", 20));
            events.add(rig.catalog.attendance(session + "-" + i + "-c", session, licensee, "JOINED", 20 + i % 3));
            events.add(rig.catalog.attendance(session + "-" + i + "-d", session, licensee, "LEFT", 61));
        }
        return events;
    }

    private static boolean post(Rig rig, Map<String, Object> event) {
        return rig.clients.post(INGEST, "/v1/attendance", Catalog.PROVIDER_KEY, event).ok();
    }

    /**
     * Until every licensee of the session has its award, certificate and compliance report on the
     * topics (read committed). The session closure reaches credit through a global table, which has no
     * consumer group whose lag could be watched, so the outputs themselves are the signal.
     */
    private static void awaitCredited(Rig rig, String session, List<String> licensees) {
        Rig.await("credit-service has credited all " + licensees.size() + " licensees of " + session, Duration.ofMinutes(4),
                () -> {
                    Set<String> awarded = Topics.readAll(rig, BenchKafka.CREDITS, CreditAward.class).stream()
                            .filter(a -> a.getSessionId().equals(session)).map(CreditAward::getLicenseeId)
                            .collect(Collectors.toSet());
                    Set<String> certified = Topics.readAll(rig, BenchKafka.CERTIFICATES, CertificateIssued.class).stream()
                            .filter(c -> c.getSessionId().equals(session)).map(CertificateIssued::getLicenseeId)
                            .collect(Collectors.toSet());
                    Set<String> reported = Topics.readAll(rig, BenchKafka.COMPLIANCE, ComplianceStatus.class).stream()
                            .map(ComplianceStatus::getLicenseeId).collect(Collectors.toSet());
                    return awarded.containsAll(licensees) && certified.containsAll(licensees) && reported.containsAll(licensees);
                });
    }

    /** Per licensee, what a licensee or board would see: awards, certificate and compliance, as one comparable line. */
    private static Map<String, String> results(String session, List<String> licensees, List<CreditAward> awards,
                                               List<CertificateIssued> certificates, List<ComplianceStatus> compliance) {
        Map<String, String> results = new TreeMap<>();
        for (String licensee : licensees) {
            Map<String, String> latestAwards = new TreeMap<>();
            awards.stream().filter(a -> a.getLicenseeId().equals(licensee) && a.getSessionId().equals(session))
                    .forEach(a -> latestAwards.put(a.getBody().toString(), "r" + a.getRevision() + " hours=" + a.getHours()));
            String certificate = certificates.stream()
                    .filter(c -> c.getLicenseeId().equals(licensee) && c.getSessionId().equals(session))
                    .reduce((first, second) -> second).map(c -> "r" + c.getRevision() + " " + c.getAwards().size() + " awards")
                    .orElse("none");
            String status = compliance.stream().filter(c -> c.getLicenseeId().equals(licensee))
                    .reduce((first, second) -> second).map(c -> c.getStatus() + " earned=" + c.getEarnedHours())
                    .orElse("none");
            results.put(licensee, "awards " + latestAwards + ", certificate " + certificate + ", compliance " + status);
        }
        return results;
    }

    /** How many identities occur more than once. */
    static long duplicates(List<String> identities) {
        return identities.stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .values().stream().filter(c -> c > 1).count();
    }

    private CreditKills() {
    }
}
