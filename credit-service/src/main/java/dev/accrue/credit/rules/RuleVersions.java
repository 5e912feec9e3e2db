package dev.accrue.credit.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Every version of one set of rules. The version that applies on a day is the one with the latest
 * effective date on or before it; a day before every version gets the oldest, so old activities
 * are never left without rules.
 */
public final class RuleVersions<T> {

    private final List<T> versions;
    private final Function<T, RuleFile> file;

    public RuleVersions(List<T> versions, Function<T, RuleFile> file) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("At least one rule version is needed");
        }
        this.file = file;
        this.versions = versions.stream().sorted(Comparator.comparing(v -> file.apply(v).effectiveDate())).toList();
    }

    public T effectiveOn(LocalDate day) {
        T chosen = versions.get(0);
        for (T version : versions) {
            if (!file.apply(version).effectiveDate().isAfter(day)) {
                chosen = version;
            }
        }
        return chosen;
    }

    public List<T> all() {
        return versions;
    }
}
