package dev.accrue.search.indexing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Of several writes with an external version to one document, only the highest can be stored, and
 * Elasticsearch answers the others 409, building a version-conflict error for each. A licensee's
 * repeated joins and the many sessions of one course write one participation or enrolment each,
 * so a batch sends only the write that can win (equal versions: the first). A document the writes
 * also delete keeps all its writes, in order.
 */
public final class LatestWrites {

    /** The items to send, in their order, and for each kept item those its write supersedes. */
    public record Kept<T>(List<T> kept, Map<T, List<T>> superseded) {
    }

    public static <T> Kept<T> of(List<T> items, Function<T, DocumentWrite> write) {
        Map<String, T> highest = new HashMap<>();
        Set<String> deleted = new HashSet<>();
        for (T item : items) {
            DocumentWrite w = write.apply(item);
            if (w instanceof DocumentWrite.Delete) {
                deleted.add(w.documentKey());
            } else if (version(w) >= 0) {
                highest.merge(w.documentKey(), item, (kept, next) -> version(write.apply(next)) > version(write.apply(kept)) ? next : kept);
            }
        }
        List<T> kept = new ArrayList<>(items.size());
        Map<T, List<T>> superseded = new IdentityHashMap<>();
        for (T item : items) {
            DocumentWrite w = write.apply(item);
            T winner = version(w) < 0 || deleted.contains(w.documentKey()) ? item : highest.get(w.documentKey());
            if (winner == item) {
                kept.add(item);
            } else {
                superseded.computeIfAbsent(winner, k -> new ArrayList<>()).add(item);
            }
        }
        return new Kept<>(kept, superseded);
    }

    /** The write's external version, or -1 (a delete, or a put without one). */
    private static long version(DocumentWrite write) {
        return write.externalVersion().orElse(-1);
    }

    private LatestWrites() {
    }
}
