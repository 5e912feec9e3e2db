package dev.accrue.credit.catalog;

import java.util.Comparator;

/**
 * Who approved: a body and, for a state board or chapter, its jurisdiction. A session has at most one
 * approval per key, and a licensee one award per key, so the Florida and Ohio boards' approvals of one
 * session are two awards rather than one replacing the other.
 */
public record ApprovalKey(ApprovalBody body, String jurisdiction) implements Comparable<ApprovalKey> {

    private static final Comparator<ApprovalKey> ORDER = Comparator.comparing(ApprovalKey::body)
            .thenComparing(ApprovalKey::jurisdiction, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(ApprovalKey other) {
        return ORDER.compare(this, other);
    }

    /** Reads the {@link #toString} form, as rule files write it. */
    public static ApprovalKey parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? new ApprovalKey(ApprovalBody.valueOf(text), null)
                : new ApprovalKey(ApprovalBody.valueOf(text.substring(0, slash)), text.substring(slash + 1));
    }

    /** {@code APA}, or {@code STATE_BOARD/FL} with a jurisdiction. */
    @Override
    public String toString() {
        return jurisdiction == null ? body.name() : body.name() + "/" + jurisdiction;
    }
}
