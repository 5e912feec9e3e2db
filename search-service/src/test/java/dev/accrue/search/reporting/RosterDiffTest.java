package dev.accrue.search.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.catalog.CategoryHours;
import dev.accrue.search.indexing.AwardDocument;
import dev.accrue.search.indexing.AwardDocument.ReportedLicense;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterDiffTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ReportedLicense LMHC = new ReportedLicense("FL-491", "LMHC", "MH1001");

    static AwardDocument award(String id, int revision, double hours, List<CategoryHours> categories,
                               ReportedLicense... licenses) {
        return new AwardDocument(id, revision, "lic-" + id, "p", "S1", "C1", "acme/C1", "acme", "Ethics", "LIVE_WEBINAR",
                "STATE_BOARD", "FL", "20-1", hours, hours > 0, null, categories, List.of(),
                AwardDocument.hoursByCategory(categories), (int) (hours * 60), 180,
                Instant.parse("2025-03-04T03:00:00Z"), Instant.parse("2025-03-04T03:01:00Z"), "r", List.of(licenses));
    }

    @Test
    void aCompletionIsNewOnceAndThenLeftOutWhileItStandsUnchanged() {
        RosterDiff first = RosterDiff.between(List.of(), List.of(award("a", 1, 3, List.of(), LMHC)), 3, NEW_YORK);
        assertThat(first.changes()).extracting(RosterChange::action).containsExactly(RosterChange.Action.NEW);
        RosterLine line = first.changes().get(0).now();
        assertThat(line.completionDate()).isEqualTo(LocalDate.of(2025, 3, 3)); // 22:00 the evening before in New York
        assertThat(line.fullCredit()).isTrue();
        assertThat(line.subjects()).isEmpty();

        RosterDiff second = RosterDiff.between(first.reported(), List.of(award("a", 1, 3, List.of(), LMHC)), 3, NEW_YORK);
        assertThat(second.changes()).isEmpty();
        assertThat(second.reported()).isEqualTo(first.reported());
    }

    @Test
    void partialCreditIsReportedPerSubjectWithTheUncoveredHoursAsGeneral() {
        RosterDiff diff = RosterDiff.between(List.of(), List.of(award("a", 1, 2,
                List.of(new CategoryHours("ETHICS_AND_BOUNDARIES", 0.5), new CategoryHours("GENERAL", 0.25)), LMHC)),
                3, NEW_YORK);
        RosterLine line = diff.changes().get(0).now();
        assertThat(line.fullCredit()).isFalse();
        assertThat(line.subjects()).containsExactly(new CategoryHours("ETHICS_AND_BOUNDARIES", 0.5),
                new CategoryHours("GENERAL", 1.5));
    }

    @Test
    void aRevisedAwardIsACorrectionAndARevokedOneARevocation() {
        List<RosterLine> reported = RosterDiff.between(List.of(), List.of(award("a", 1, 3, List.of(), LMHC),
                award("b", 1, 3, List.of(), LMHC)), 3, NEW_YORK).reported();

        RosterDiff next = RosterDiff.between(reported, List.of(award("a", 2, 1.5, List.of(), LMHC),
                award("b", 2, 0, List.of(), LMHC)), 3, NEW_YORK);

        assertThat(next.changes()).extracting(c -> c.action() + " " + c.line().awardId())
                .containsExactlyInAnyOrder("CORRECTION a", "REVOCATION b");
        RosterChange correction = next.changes().stream().filter(c -> c.action() == RosterChange.Action.CORRECTION)
                .findFirst().orElseThrow();
        assertThat(correction.reported().hours()).isEqualTo(3);
        assertThat(correction.now().hours()).isEqualTo(1.5);
        assertThat(next.reported()).extracting(RosterLine::awardId).containsExactly("a");
    }

    @Test
    void aChangedLicenceNumberRevokesTheOldLineAndReportsTheNewOne() {
        List<RosterLine> reported = RosterDiff.between(List.of(), List.of(award("a", 1, 3, List.of(), LMHC)), 3,
                NEW_YORK).reported();
        ReportedLicense corrected = new ReportedLicense("FL-491", "LMHC", "MH1002");

        RosterDiff next = RosterDiff.between(reported, List.of(award("a", 1, 3, List.of(), corrected)), 3, NEW_YORK);

        assertThat(next.changes()).extracting(c -> c.action() + " " + c.line().licenseNumber())
                .containsExactlyInAnyOrder("NEW MH1002", "REVOCATION MH1001");
    }

    @Test
    void creditWithoutALicenceInTheStateCannotBeReportedAndSaysWhy() {
        RosterDiff diff = RosterDiff.between(List.of(), List.of(award("a", 1, 3, List.of())), 3, NEW_YORK);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unreportable()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("no licence in this state"));
    }
}
