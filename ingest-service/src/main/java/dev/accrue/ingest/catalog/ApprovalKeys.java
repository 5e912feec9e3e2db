package dev.accrue.ingest.catalog;

import dev.accrue.ingest.validation.Checks;
import dev.accrue.ingest.validation.Jurisdictions;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules every list of approvals shares, on a session or a provider profile: a state board's approval names its
 * state, and there is one approval per body and jurisdiction (each is its own award, and a second of the same key
 * would silently replace the first). One instance checks one list.
 */
public final class ApprovalKeys {

    /** A body and, for a state board or chapter, its state. */
    public record Key(ApprovalBody body, String jurisdiction) {
    }

    private final Checks checks;
    private final Set<Key> seen = new HashSet<>();

    public ApprovalKeys(Checks checks) {
        this.checks = checks;
    }

    /** The approval's key when its body and jurisdiction are valid and new in the list; otherwise null, reported. */
    public Key next(String field, ApprovalBody body, String jurisdiction) {
        String checked = Jurisdictions.optional(checks, field + ".jurisdiction", jurisdiction);
        if (body == ApprovalBody.STATE_BOARD && jurisdiction == null) {
            // A state board's approval means nothing without its state: boards accept only their own (or none).
            checks.fail(field + ".jurisdiction", "is required for STATE_BOARD: the state whose board gave the approval,"
                    + " e.g. FL, OH, or NY for NYSED");
            return null;
        }
        if (body == null || (checked == null && jurisdiction != null)) {
            return null; // already reported
        }
        Key key = new Key(body, checked);
        if (!seen.add(key)) {
            checks.fail(field, "repeats an approval by " + body + (checked == null ? "" : "/" + checked)
                    + "; one approval per body and jurisdiction");
            return null;
        }
        return key;
    }
}
