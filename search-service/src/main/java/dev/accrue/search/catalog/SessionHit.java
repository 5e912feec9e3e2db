package dev.accrue.search.catalog;

import java.util.List;
import java.util.Map;

/** One search result: the session and its highlighted fragments per field (HTML with &lt;em&gt; marks). */
public record SessionHit(CatalogSession session, double score, Map<String, List<String>> highlights) {
}
