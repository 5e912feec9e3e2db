package dev.accrue.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.compliance.BoardRuleBook;
import dev.accrue.credit.rules.RuleFile;
import dev.accrue.credit.rules.YamlRules;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleFilesTest {

    @Test
    void everyRuleFileNamesItsVersionEffectiveDateAndSource() {
        Stream.of("credit", "boards").flatMap(k -> YamlRules.index("rules/index.yaml", k).stream()).forEach(file -> {
            RuleFile rules = YamlRules.classpath(file).file();
            assertThat(rules.version()).as(file).isNotBlank();
            assertThat(rules.effectiveDate()).as(file).isNotNull();
            assertThat(rules.source()).as(file).hasSizeGreaterThan(40);
        });
    }

    @Test
    void thereAreRulesForTheFiveBoards() {
        BoardRuleBook book = BoardRuleBook.load();
        Stream.of("CA-BBS", "TX-LPC", "FL-491", "NY-LMHC", "OH-CSWMFT")
                .forEach(board -> assertThat(book.forCycle(board, LocalDate.parse("2026-12-31"))).as(board).isPresent());
    }

    @Test
    void theCurrentCreditRulesGiveAPolicyForEveryApprovalBody() {
        var rules = CreditRuleBook.load().effectiveOn(LocalDate.parse("2026-06-01"));
        assertThat(rules.policies()).hasSize(ApprovalBody.values().length);
        assertThat(rules.defaultPassingScore()).isEqualTo(75);
    }
}
