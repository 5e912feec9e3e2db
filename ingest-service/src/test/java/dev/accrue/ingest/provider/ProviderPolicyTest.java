package dev.accrue.ingest.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accrue.ingest.catalog.ApprovalBody;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static ProviderInput.ApprovalInput apa() {
        return new ProviderInput.ApprovalInput("APA", null, "1234", "Acme is approved by the American Psychological"
                + " Association to sponsor continuing education for psychologists.", null, null, null, null);
    }

    static ProviderInput.ApprovalInput aswb() {
        return new ProviderInput.ApprovalInput("ASWB_ACE", null, "1789", "Acme, #1789, is approved to offer social"
                + " work continuing education by the ASWB ACE program.", "Clinical", "Intermediate", "2024-03-01",
                "2027-03-01");
    }

    static List<FieldError> errorsOf(ProviderInput in) {
        return catchThrowableOfType(InvalidInputException.class, () -> ProviderPolicy.validate("acme", in, NOW)).errors();
    }

    @Test
    void aProfileWithEachBodysStatementIsAccepted() {
        Provider provider = ProviderPolicy.validate("acme", new ProviderInput("Acme Institute", "https://acme.example.org",
                "100 Main Street\nSacramento, CA 95814", null, "Dana Reyes", "CE Director", List.of(apa(), aswb(),
                new ProviderInput.ApprovalInput("STATE_BOARD", "FL", "50-1234", "Approved by the Florida board.", null,
                        null, null, null))), NOW);

        assertThat(provider.approvals()).extracting(Provider.Approval::body)
                .containsExactly(ApprovalBody.APA, ApprovalBody.ASWB_ACE, ApprovalBody.STATE_BOARD);
        assertThat(provider.approvals().get(1).approvalEnd()).isEqualTo(LocalDate.parse("2027-03-01"));
        assertThat(provider.address()).contains("\n");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        List<FieldError> errors = errorsOf(new ProviderInput(" ", "http://acme.example.org", null,
                "javascript:alert(1)", null, null, List.of(apa(), apa(),
                new ProviderInput.ApprovalInput("APA", "FL", "9", "s", "Clinical", null, null, null),
                new ProviderInput.ApprovalInput("STATE_BOARD", null, "9", "s", null, null, null, null))));

        assertThat(errors).extracting(FieldError::field).containsExactly("name", "url", "logoUrl", "approvals[1]",
                "approvals[2].courseType", "approvals[3].jurisdiction");
        assertThat(errors.get(1).message()).contains("https");
        assertThat(errors.get(4).message()).contains("ASWB ACE approvals only");
    }

    @Test
    void anApprovalPeriodMustNotEndBeforeItStarts() {
        ProviderInput.ApprovalInput backwards = new ProviderInput.ApprovalInput("ASWB_ACE", null, "1", "s", null, null,
                "2027-03-01", "2024-03-01");
        assertThat(errorsOf(new ProviderInput("Acme", null, null, null, null, null, List.of(backwards))))
                .extracting(FieldError::field).containsExactly("approvals[0].approvalEnd");
    }
}
