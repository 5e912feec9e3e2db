package dev.accrue.reliability;

import java.util.List;

/**
 * What one fault scenario saw. {@code sent} counts requests (or records) the scenario sent,
 * {@code acknowledged} those answered 2xx, {@code found} acknowledged ones present where they
 * should be afterwards, {@code duplicated} those present more than once and {@code lost}
 * acknowledged ones missing. {@code failures} says what broke the scenario's promise, empty when it held.
 */
public record ScenarioResult(String name, String fault, long sent, long acknowledged, long found, long duplicated, long lost,
                      List<String> notes, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
