package dev.accrue.ingest.licensee.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.licensee.Licensee;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicenseeMapperTest {

    @Test
    void aLicenseeSurvivesTheRoundTripThroughAvro() {
        Licensee licensee = new Licensee("lic-1", "Jane", "Doe", "jane@example.org", List.of(
                new Licensee.License("CA-BBS", "LMFT", "LMFT 1", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), true,
                        true, Set.of(Category.HIV_AIDS, Category.TELEHEALTH)),
                new Licensee.License("TX-LPC", "LPC", "77", LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), false,
                        false, Set.of())),
                Instant.parse("2025-02-01T00:00:00Z"), "acme");

        assertThat(LicenseeMapper.fromAvro(LicenseeMapper.toAvro(licensee))).isEqualTo(licensee);
        assertThat(LicenseeMapper.fromAvro(LicenseeMapper.toAvro(licensee.ownedBy(null)))).isEqualTo(licensee.ownedBy(null));
    }

    @Test
    void theDirectoryKeepsTheEmailInLowerCaseAndTheOwner() {
        Licensee licensee = new Licensee("lic-1", "Jane", "Doe", "Jane@Example.org", List.of(), Instant.EPOCH, "acme");

        assertThat(LicenseeMapper.directoryEntry(LicenseeMapper.toAvro(licensee)))
                .isEqualTo(new LicenseeDirectory.Entry("jane@example.org", "acme"));
    }
}
