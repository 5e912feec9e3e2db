package dev.accrue.credit.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateNumberTest {

    @Test
    void aNumberIs160BitsInCrockfordBase32GroupsOfFour() {
        assertThat(CertificateNumber.of("lic-1", "sess-1")).matches("AC(-[0-9A-HJKMNP-TV-Z]{4}){8}");
    }

    @Test
    void theSamePairAlwaysGetsTheSameNumberAndAnotherPairAnotherOne() {
        assertThat(CertificateNumber.of("lic-1", "sess-1")).isEqualTo(CertificateNumber.of("lic-1", "sess-1"));
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            numbers.add(CertificateNumber.of("lic-" + i, "sess-1"));
        }
        assertThat(numbers).hasSize(100_000);
        // The separator keeps ("a", "bc") and ("ab", "c") apart.
        assertThat(CertificateNumber.of("a", "bc")).isNotEqualTo(CertificateNumber.of("ab", "c"));
    }
}
