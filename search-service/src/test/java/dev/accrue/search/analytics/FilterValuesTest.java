package dev.accrue.search.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.accrue.events.ApprovalBody;
import dev.accrue.events.Category;
import dev.accrue.events.Format;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FilterValuesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @Test
    void allowedValuesAreTheEventContractsSymbols() {
        assertThat(FilterValues.CATEGORIES).isEqualTo(known(Category.values()));
        assertThat(FilterValues.FORMATS).isEqualTo(known(Format.values()));
        assertThat(FilterValues.BODIES).isEqualTo(known(ApprovalBody.values()));
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheAllowedOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> filter(Optional.empty(), Optional.of("NOPE"), Optional.empty()))
                .withMessage("format 'NOPE' is not one of IN_PERSON, LIVE_WEBINAR, SELF_STUDY");
    }

    @Test
    void valuesAreCaseSensitiveLikeTheIndexedSymbols() {
        assertThatIllegalArgumentException().isThrownBy(() -> filter(Optional.of("general"), Optional.empty(), Optional.empty()))
                .withMessageStartingWith("category 'general' is not one of ").withMessageContaining("GENERAL");
    }

    @Test
    void aBoardIsCheckedOnlyForItsShape() {
        assertThat(filter(Optional.empty(), Optional.empty(), Optional.of("ZZ-NEW")).board()).contains("ZZ-NEW");
        assertThatIllegalArgumentException().isThrownBy(() -> filter(Optional.empty(), Optional.empty(), Optional.of("<b>")))
                .withMessageContaining("board");
    }

    @Test
    void blankValuesMeanNoFilter() {
        AnalyticsFilter filter = filter(Optional.of(" "), Optional.of(""), Optional.empty());
        assertThat(filter.category()).isEmpty();
        assertThat(filter.format()).isEmpty();
    }

    private static AnalyticsFilter filter(Optional<String> category, Optional<String> format, Optional<String> board) {
        return new AnalyticsFilter(DAY, DAY, Optional.empty(), category, format, Optional.empty(), board);
    }

    private static Set<String> known(Enum<?>[] symbols) {
        return Arrays.stream(symbols).map(Enum::name).filter(name -> !name.equals("UNKNOWN")).collect(Collectors.toSet());
    }
}
