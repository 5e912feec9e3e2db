package dev.accrue.ingest.attendance.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import dev.accrue.ingest.validation.FieldError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDocumentTest {

    static List<CsvDocument.Line> read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static List<CsvDocument.Line> read(byte[] bytes) {
        List<CsvDocument.Line> lines = new ArrayList<>();
        CsvDocument.read(new ByteArrayInputStream(bytes), 1000).forEach(lines::add);
        return lines;
    }

    @Test
    void recordsKnowTheFileLineTheyStartOnEvenAfterQuotedLineBreaksAndBlankLines() {
        List<CsvDocument.Line> lines = read("a,b\r\n\"multi\nline\",x\r\n\r\nlast,y\r\n");

        assertThat(lines).extracting(CsvDocument.Line::number).containsExactly(1, 2, 5);
        assertThat(lines.get(1).cells()).containsExactly("multi\nline", "x");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(read("\uFEFFName,Email\n").get(0).cells()).containsExactly("Name", "Email");
    }

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasAreRefusedWithLineAndColumn() {
        for (String cell : List.of("=1+1", "+1", "-2+3", "@SUM(A1)", "\"\t=1\"", "  =cmd|' /C calc'!A0")) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read("a,b\nok," + cell + "\n"));

            assertThat(e).as(cell).isNotNull();
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("line 2, column 2");
        }
    }

    @Test
    void zoomsDashesForNoValueAreNotFormulas() {
        assertThat(read("a,b\n--,x\n")).hasSize(2);
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("a,b\n\"unterminated,x\n")).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> read("a,b\nok,\"closed\"trailing\n")).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line: 2");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "Name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aRecordMayBreakLinesInsideQuotesUpToTheLimitAndEachRecordCountsAfresh() {
        String record = "\"a\"\"\nb\",\"c,\nd\"\r\n"; // 14 characters before its final line break
        String csv = "h1,h2\n" + record.repeat(50);

        List<CsvDocument.Line> lines = new ArrayList<>();
        CsvDocument.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 14).forEach(lines::add);

        assertThat(lines).hasSize(51);
        assertThat(lines.get(1).cells()).containsExactly("a\"\nb", "c,\nd");
        assertThat(lines.get(50).number()).isEqualTo(2 + 49 * 3);
        assertThatThrownBy(() -> CsvDocument.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 13)
                .forEach(line -> { })).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("The record starting on line 2 of the file");
    }

    @Test
    void aQuoteInsideAnUnquotedCellDoesNotJoinTheLinesThatFollow() {
        String csv = "h1,h2\nsay \"hi,x\n" + "abcdefgh,ijklmnop\n".repeat(10);

        List<CsvDocument.Line> lines = new ArrayList<>();
        CsvDocument.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 20).forEach(lines::add);

        assertThat(lines).hasSize(12);
        assertThat(lines.get(1).cells()).containsExactly("say \"hi", "x");
    }
}
