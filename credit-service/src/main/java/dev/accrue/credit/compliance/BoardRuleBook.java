package dev.accrue.credit.compliance;

import dev.accrue.credit.rules.RuleVersions;
import dev.accrue.credit.rules.YamlRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every board's renewal rules in every version, from the files listed in {@code rules/index.yaml}. */
public final class BoardRuleBook {

    private final Map<String, RuleVersions<BoardRules>> byBoard;

    public BoardRuleBook(List<BoardRules> rules) {
        this.byBoard = rules.stream().collect(Collectors.groupingBy(BoardRules::board)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new RuleVersions<>(e.getValue(), BoardRules::file)));
    }

    public static BoardRuleBook load() {
        return new BoardRuleBook(YamlRules.index("rules/index.yaml", "boards").stream()
                .map(YamlRules::classpath).map(BoardRules::read).toList());
    }

    /** The board's rules for the cycle that ends on {@code cycleEnd}; empty for a board without a rule file. */
    public Optional<BoardRules> forCycle(String board, LocalDate cycleEnd) {
        return Optional.ofNullable(byBoard.get(board)).map(v -> v.effectiveOn(cycleEnd));
    }
}
