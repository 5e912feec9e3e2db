package dev.accrue.search.catalog;

import java.util.List;

/** Search results: how many sessions matched in total, and the best {@code limit} of them. */
public record SessionSearchResult(long total, List<SessionHit> hits) {
}
