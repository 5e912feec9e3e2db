package dev.accrue.search.catalog.web;

import dev.accrue.platform.security.Caller;
import dev.accrue.search.catalog.SessionSearch;
import dev.accrue.search.catalog.SessionSearchResult;
import dev.accrue.search.catalog.elastic.CatalogSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over the session catalog. The catalog is what providers publish, so any valid
 * key may search all of it; the caller is still required so anonymous requests get 401.
 */
@RestController
@Tag(name = "catalog")
class SessionSearchController {

    private final CatalogSearch search;

    SessionSearchController(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping("/v1/sessions/search")
    @Operation(summary = "Sessions matching the words in title, description or course id, best first, with highlights")
    SessionSearchResult search(Caller caller, @RequestParam String q,
                               @RequestParam Optional<String> providerId, @RequestParam Optional<String> format,
                               @RequestParam Optional<String> category, @RequestParam Optional<String> body,
                               @RequestParam(defaultValue = "20") int limit) {
        return search.search(new SessionSearch(q, providerId, format, category, body, limit));
    }
}
