package dev.accrue.ingest.licensee;

import dev.accrue.ingest.view.KeyedView;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of the licensees topic: which licensee ids exist, who owns each, and an
 * index from owner and email (lower case) to licensee ids for matching webinar reports. Only the
 * email and the owner are kept per licensee, so a million licensees fit in a small heap. Lookups
 * for attendance see only the licensees {@link LicenseeTenancy} lets the session's provider name.
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

    // Keyed by owner and email, so a provider's lookup never touches (or waits on) other providers' licensees.
    private final Map<String, Set<String>> idsByOwnerEmail = new ConcurrentHashMap<>();
    private final KeyedView<Entry> emails;

    public LicenseeDirectory(Duration freshnessWait, Duration retryAfter) {
        this.emails = new KeyedView<>("licensee directory", freshnessWait, retryAfter, this::reindex);
    }

    public KeyedView<Entry> view() {
        return emails;
    }

    /**
     * Whether attendance in a session of this provider may name the licensee. A refusal first catches up
     * with the topic, as a miss does, so "not yours" takes as long as "unknown" and a transfer made through
     * another instance is seen.
     */
    public boolean mayAttend(String licenseeId, String sessionProvider) {
        if (attendable(emails.find(licenseeId).orElse(null), sessionProvider)) {
            return true;
        }
        emails.requireCaughtUp(licenseeId);
        return attendable(emails.find(licenseeId).orElse(null), sessionProvider);
    }

    /** {@link LicenseeTenancy#mayAttend} for an entry of this directory, null when the licensee is unknown. */
    public static boolean attendable(Entry entry, String sessionProvider) {
        return entry != null && LicenseeTenancy.mayAttend(entry.owner(), sessionProvider);
    }

    /** The provider's own licensees with this email; other providers' and unowned ones are never considered. */
    public Match byEmail(String email, String provider) {
        emails.requireReady();
        Set<String> ids = idsByOwnerEmail.get(indexKey(provider, LicenseePolicy.normalizeEmail(email)));
        if (ids == null || ids.isEmpty()) {
            return new Match.None();
        }
        Set<String> copy = Set.copyOf(ids);
        return copy.size() == 1 ? new Match.One(copy.iterator().next()) : new Match.Ambiguous(copy);
    }

    public Optional<String> emailOf(String licenseeId) {
        return emails.find(licenseeId).map(Entry::email);
    }

    private static String indexKey(String owner, String email) {
        return owner + '\n' + email;
    }

    // Called by the view inside its per-key update, so the email index follows every change.
    private void reindex(String licenseeId, Entry before, Entry after) {
        String keyBefore = before == null || before.owner() == null || before.email() == null ? null
                : indexKey(before.owner(), before.email());
        String keyAfter = after == null || after.owner() == null || after.email() == null ? null
                : indexKey(after.owner(), after.email());
        if (keyBefore != null && !keyBefore.equals(keyAfter)) {
            idsByOwnerEmail.computeIfPresent(keyBefore, (key, ids) -> {
                ids.remove(licenseeId);
                return ids.isEmpty() ? null : ids;
            });
        }
        if (keyAfter != null) {
            // Added inside compute, so a concurrent removal of the last id cannot drop this one.
            idsByOwnerEmail.compute(keyAfter, (key, ids) -> {
                Set<String> updated = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                updated.add(licenseeId);
                return updated;
            });
        }
    }
}
