package dev.accrue.search.indexing;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The latest revision of a certificate (one licensee and session), versioned by revision like
 * awards. Participant names and licence numbers are left out: analytics do not need them.
 *
 * @param creditHours see {@link #learnedHours}
 * @param revoked true when the revision lists no awards (the certificate was withdrawn)
 */
public record CertificateDocument(
        String certificateId, int revision, String licenseeId, String sessionId, String courseId, String courseKey,
        String providerId, String title, String format, List<String> bodies, List<String> categories,
        double creditHours, boolean revoked, Instant activityStart, Instant activityEnd, Instant issuedAt) {

    public CertificateDocument {
        bodies = List.copyOf(bodies);
        categories = List.copyOf(categories);
    }

    /**
     * The hours a certificate stands for: each body grants its own hours for the same learning, so
     * the most any one body granted, not their sum.
     */
    public static double learnedHours(List<Double> hoursPerBody) {
        return hoursPerBody.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public DocumentWrite write() {
        return new DocumentWrite.Put(Indices.CERTIFICATES, DocumentIds.of(certificateId), OptionalLong.of(revision), this);
    }
}
