package dev.accrue.ingest.licensee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseePolicyTest {

    static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");

    static LicenseeInput.LicenseInput license(String board, String start, String end) {
        return new LicenseeInput.LicenseInput(board, "LMFT", "LMFT 12345", start, end, true);
    }

    @Test
    void aValidLicenseeIsAcceptedWithItsEmailInLowerCase() {
        Licensee licensee = LicenseePolicy.validate("lic-1", new LicenseeInput("Jane", "Doe", " Jane.Doe@Example.org",
                List.of(license("CA-BBS", "2024-01-01", "2025-12-31"))), NOW);

        assertThat(licensee.email()).isEqualTo("jane.doe@example.org");
        assertThat(licensee.licenses().get(0).cycleEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(licensee.licenses().get(0).firstRenewal()).isTrue();
    }

    @Test
    void brokenFieldsAreAllReported() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LicenseePolicy.validate("lic-1",
                new LicenseeInput("", "Doe", "not-an-email", List.of(
                        license("california", "2024-01-01", "2025-12-31"),
                        license("FL-491", "2025-01-01", "2024-12-31"),
                        license("NY-LMHC", "2024-02-30", "2026-01-01"))), NOW));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("givenName", "email", "licenses[0].board",
                "licenses[1].cycleEnd", "licenses[2].cycleStart");
    }

    @Test
    void aSupervisorsLicenceCarriesTheOneTimeRequirementsAttestedBeforeLicensure() {
        Licensee licensee = LicenseePolicy.validate("lic-1", new LicenseeInput("Jane", "Doe", "jane@example.org", List.of(
                new LicenseeInput.LicenseInput("CA-BBS", "LMFT", "LMFT 1", "2025-01-01", "2026-12-31", false, true,
                        List.of("HIV_AIDS", "TELEHEALTH", "HIV_AIDS")))), NOW);

        assertThat(licensee.licenses()).singleElement().satisfies(l -> {
            assertThat(l.supervisor()).isTrue();
            assertThat(l.attestedCategories()).containsExactlyInAnyOrder(Category.HIV_AIDS, Category.TELEHEALTH);
        });
    }

    @Test
    void anAttestedCategoryMustBeAKnownOne() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LicenseePolicy.validate("lic-1",
                new LicenseeInput("Jane", "Doe", "jane@example.org", List.of(new LicenseeInput.LicenseInput("CA-BBS", "LMFT",
                        "LMFT 1", "2025-01-01", "2026-12-31", false, null, List.of("HIV")))), NOW));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("licenses[0].attestedCategories[0]");
            assertThat(error.message()).contains("HIV_AIDS").contains("'HIV'");
        });
    }

    @Test
    void aLicenceMayNotBeListedTwice() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LicenseePolicy.validate("lic-1",
                new LicenseeInput("Jane", "Doe", "jane@example.org", List.of(
                        license("TX-LPC", "2024-01-01", "2025-12-31"), license("TX-LPC", "2024-01-01", "2025-12-31"))), NOW));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("licenses[1]");
    }
}
