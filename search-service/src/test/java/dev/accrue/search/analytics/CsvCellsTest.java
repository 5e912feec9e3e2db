package dev.accrue.search.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void plainTextStaysAsItIs() {
        assertThat(CsvCells.text("Ethics Online")).isEqualTo("Ethics Online");
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCells.text("Ethics, Law")).isEqualTo("\"Ethics, Law\"");
        assertThat(CsvCells.text("The \"best\" course")).isEqualTo("\"The \"\"best\"\" course\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void textThatStartsLikeAFormulaCannotRunInASpreadsheet() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.text("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCells.text("-2")).isEqualTo("\"'-2\"");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.text("\tcmd")).isEqualTo("\"'\tcmd\"");
    }

    @Test
    void aFormulaAfterLeadingSpacesTabsOrLineBreaksCannotRunEither() {
        assertThat(CsvCells.text("  =1+1")).isEqualTo("\"'  =1+1\"");
        assertThat(CsvCells.text(" +1")).isEqualTo("\"' +1\"");
        assertThat(CsvCells.text("   -2")).isEqualTo("\"'   -2\"");
        assertThat(CsvCells.text(" \t@SUM(A1)")).isEqualTo("\"' \t@SUM(A1)\"");
        assertThat(CsvCells.text("\n=cmd")).isEqualTo("\"'\n=cmd\"");
        assertThat(CsvCells.text("\u00a0=cmd")).isEqualTo("\"'\u00a0=cmd\"");
    }

    @Test
    void leadingSpacesBeforeOrdinaryTextAreLeftAlone() {
        assertThat(CsvCells.text("  Ethics - Law")).isEqualTo("  Ethics - Law");
        assertThat(CsvCells.text("   ")).isEqualTo("   ");
    }

    @Test
    void aLineEndsWithCrLf() {
        assertThat(CsvCells.line(java.util.List.of("a", "b"))).isEqualTo("a,b\r\n");
    }
}
