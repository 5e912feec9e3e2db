package dev.accrue.ingest.licensee;

import dev.accrue.ingest.common.KeyedView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of the licensees topic: which licensee ids exist, who owns each, and an
 * index from email (lower case) to licensee ids for matching webinar reports. Only the email and
 * the owner are kept per licensee, so a million licensees fit in a small heap.
 */
public final class LicenseeDirectory {

    /** How an email matched: one licensee, none, or several (then nobody is credited by guesswork). */
    public sealed interface Match permits Match.One, Match.None, Match.Ambiguous {
        record One(String licenseeId) implements Match {
        }

        record None() implements Match {
        }

        record Ambiguous(Set<String> licenseeIds) implements Match {
        }
    }

    /**
     * What is kept per licensee.
     *
     * @param email lower case, as matching compares it
     * @param owner the provider that registered the licensee; null when none has yet
     */
    public record Entry(String email, String owner) {
        public Entry {
            // Providers are few: one shared copy of each id instead of one per licensee.
            owner = owner == null ? null : owner.intern();
        }
    }

    private final Map<String, Set<String>> idsByEmail = new ConcurrentHashMap<>();
    private final KeyedView<Entry> emails;

    public LicenseeDirectory(Duration freshnessWait, Duration retryAfter) {
        this.emails = new KeyedView<>("licensee directory", freshnessWait, retryAfter,
                (id, before, after) -> reindex(id, before == null ? null : before.email(), after == null ? null : after.email()));
    }

    public KeyedView<Entry> view() {
        return emails;
    }

    public boolean exists(String licenseeId) {
        return emails.findFresh(licenseeId).isPresent();
    }

    public Match byEmail(String email) {
        emails.requireReady();
        Set<String> ids = idsByEmail.get(LicenseePolicy.normalizeEmail(email));
        if (ids == null || ids.isEmpty()) {
            return new Match.None();
        }
        Set<String> copy = Set.copyOf(ids);
        return copy.size() == 1 ? new Match.One(copy.iterator().next()) : new Match.Ambiguous(copy);
    }

    /**
     * As {@link #byEmail(String)}, but when several licensees share the email and exactly one of them is the
     * given provider's own, that one: another provider registering someone's email must not block (or take)
     * the matching of the provider's own participants.
     */
    public Match byEmail(String email, String provider) {
        Match match = byEmail(email);
        if (match instanceof Match.Ambiguous ambiguous) {
            List<String> own = ambiguous.licenseeIds().stream()
                    .filter(id -> emails.find(id).map(e -> provider.equals(e.owner())).orElse(false)).toList();
            if (own.size() == 1) {
                return new Match.One(own.get(0));
            }
        }
        return match;
    }

    public Optional<String> emailOf(String licenseeId) {
        return emails.find(licenseeId).map(Entry::email);
    }

    // Called by the view inside its per-key update, so the email index follows every change.
    private void reindex(String licenseeId, String emailBefore, String emailAfter) {
        if (emailBefore != null && !emailBefore.equals(emailAfter)) {
            idsByEmail.computeIfPresent(emailBefore, (email, ids) -> {
                ids.remove(licenseeId);
                return ids.isEmpty() ? null : ids;
            });
        }
        if (emailAfter != null) {
            // Added inside compute, so a concurrent removal of the last id cannot drop this one.
            idsByEmail.compute(emailAfter, (email, ids) -> {
                Set<String> updated = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                updated.add(licenseeId);
                return updated;
            });
        }
    }
}
