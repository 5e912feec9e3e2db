package dev.accrue.search.catalog;

import java.util.Optional;

/**
 * A full-text question over the catalog.
 *
 * @param text what the user typed; matched against title, description and course id
 * @param limit how many hits to return (1 to 100)
 */
public record SessionSearch(String text, Optional<String> providerId, Optional<String> format,
                            Optional<String> category, Optional<String> body, int limit) {

    public static final int MAX_LIMIT = 100;

    public SessionSearch {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("q must not be blank");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
