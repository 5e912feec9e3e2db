package dev.accrue.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksIdTest {

    /** The id rule as a regular expression, the specification the hand-written check must match. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "lic-1001", "ethics-2025-03-01", "urn:acme:s.1_2", "0", "-a", ".a", "_a", "a b", "a/b",
            "é", "a\u0000", "a\n", "", "ÿ", "A-Za-z0-9._:-"})
    void theIdRuleIsTheRegularExpression(String value) {
        assertThat(Checks.isId(value)).isEqualTo(ID.matcher(value).matches());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 127, 128, 129, 1000})
    void idsAreAtMost128Characters(int length) {
        String value = "a".repeat(length);
        assertThat(Checks.isId(value)).isEqualTo(length <= 128).isEqualTo(ID.matcher(value).matches());
    }
}
