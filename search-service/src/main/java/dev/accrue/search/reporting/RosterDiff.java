package dev.accrue.search.reporting;

import dev.accrue.search.catalog.CategoryHours;
import dev.accrue.search.indexing.AwardDocument;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the next export of one offering's roster to one state's board says, given what earlier exports reported:
 * every earned award becomes a line per licence the licensee holds in that state; lines the board has not seen
 * are new, lines that changed are corrections, and reported lines that no longer stand are revocations. Lines
 * the board already holds unchanged are left out, because a roster upload must not repeat a completion.
 *
 * @param reported every line the board holds once this export is applied: the next export starts from it
 */
public record RosterDiff(List<RosterChange> changes, List<Unreportable> unreportable, List<RosterLine> reported) {

    private static final double CENT = 0.005;
    private static final String GENERAL = "GENERAL";

    public RosterDiff {
        changes = List.copyOf(changes);
        unreportable = List.copyOf(unreportable);
        reported = List.copyOf(reported);
    }

    /**
     * @param awards       the current revision of every award of the offering for the state's approval
     * @param sessionHours the session's full credit: an award below it is partial credit
     * @param zone         where the session was held; completion dates are its local dates
     */
    public static RosterDiff between(List<RosterLine> previouslyReported, List<AwardDocument> awards,
                                     double sessionHours, ZoneId zone) {
        Map<String, RosterLine> before = new LinkedHashMap<>();
        previouslyReported.forEach(line -> before.put(line.key(), line));
        Map<String, RosterLine> now = new LinkedHashMap<>();
        List<Unreportable> unreportable = new ArrayList<>();
        for (AwardDocument award : awards) {
            if (!award.earned()) {
                continue; // revoked: a line reported before becomes a revocation below
            }
            if (award.licenses().isEmpty()) {
                unreportable.add(new Unreportable(award.awardId(), award.licenseeId(), award.hours(),
                        "the licensee had no licence in this state on their profile when the credit was decided"));
            }
            for (AwardDocument.ReportedLicense license : award.licenses()) {
                RosterLine line = line(award, license, sessionHours, zone);
                now.put(line.key(), line);
            }
        }
        List<RosterChange> changes = new ArrayList<>();
        now.values().forEach(line -> {
            RosterLine reported = before.get(line.key());
            if (reported == null) {
                changes.add(RosterChange.added(line));
            } else if (line.differsFrom(reported)) {
                changes.add(RosterChange.corrected(reported, line));
            }
        });
        before.values().stream().filter(reported -> !now.containsKey(reported.key()))
                .forEach(reported -> changes.add(RosterChange.revoked(reported)));
        return new RosterDiff(changes, unreportable, List.copyOf(now.values()));
    }

    static RosterLine line(AwardDocument award, AwardDocument.ReportedLicense license, double sessionHours, ZoneId zone) {
        boolean full = award.hours() >= sessionHours - 1e-9;
        return new RosterLine(RosterLine.key(award.awardId(), license.board(), license.licenseNumber()), award.awardId(),
                award.licenseeId(), license.board(), license.licenseType(), license.licenseNumber(),
                award.completedAt().atZone(zone).toLocalDate(), award.hours(), full,
                full ? List.of() : subjects(award));
    }

    /** A partial award's hours per subject: its categories, and what they leave uncovered as general hours. */
    private static List<CategoryHours> subjects(AwardDocument award) {
        Map<String, Double> subjects = new LinkedHashMap<>();
        award.categoryHours().forEach(c -> subjects.merge(c.category(), c.hours(), Double::sum));
        double uncovered = award.hours() - subjects.values().stream().mapToDouble(Double::doubleValue).sum();
        if (uncovered > CENT) {
            subjects.merge(GENERAL, uncovered, Double::sum);
        }
        return subjects.entrySet().stream().map(e -> new CategoryHours(e.getKey(), e.getValue())).toList();
    }
}
