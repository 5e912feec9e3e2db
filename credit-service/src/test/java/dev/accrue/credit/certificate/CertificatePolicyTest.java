package dev.accrue.credit.certificate;

import static dev.accrue.credit.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatePolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");
    private static final List<Award> ONE_AWARD = List.of(AwardBuilder.award().hours(3).build());

    @Test
    void aCertificateNamesItsParticipantAsWritten() {
        Licensee zoe = new Licensee("lic-1", "Zoë", "Đặng", "zoe@example.org", List.of());
        assertThat(CertificatePolicy.next(null, ONE_AWARD, live(3, ApprovalBody.APA), zoe, NOW))
                .hasValueSatisfying(c -> assertThat(c.participantName()).isEqualTo("Zoë Đặng"));
    }

    @Test
    void withoutTheParticipantsNameNoCertificateIsIssued() {
        Licensee nameless = new Licensee("lic-1", " ", "", "x@example.org", List.of());
        assertThat(CertificatePolicy.next(null, ONE_AWARD, live(3, ApprovalBody.APA), nameless, NOW)).isEmpty();
        assertThat(CertificatePolicy.next(null, ONE_AWARD, live(3, ApprovalBody.APA), null, NOW)).isEmpty();
    }

    @Test
    void aRevisionKeepsTheNameItWasIssuedWith() {
        Licensee ada = new Licensee("lic-1", "Ada", "Lovelace", "ada@example.org", List.of());
        Certificate first = CertificatePolicy.next(null, ONE_AWARD, live(3, ApprovalBody.APA), ada, NOW).orElseThrow();
        List<Award> revised = List.of(AwardBuilder.award().hours(0).revision(2).build());
        assertThat(CertificatePolicy.next(first, revised, live(3, ApprovalBody.APA), null, NOW))
                .hasValueSatisfying(c -> {
                    assertThat(c.participantName()).isEqualTo("Ada Lovelace");
                    assertThat(c.revoked()).isTrue();
                });
    }
}
