package dev.accrue.credit.certificate;

import java.util.Optional;

/**
 * Whether a presented credential still stands. A credential certifies one revision of one
 * certificate: it is valid only while that revision is the current one and certifies some credit.
 * A later revision (hours changed) supersedes it, and a certificate whose awards all dropped to 0
 * is revoked, so its credentials fail.
 */
public enum CredentialStatus {
    VALID, UNKNOWN_CERTIFICATE, SUPERSEDED, REVOKED;

    public static CredentialStatus of(int presentedRevision, Optional<Certificate> current) {
        if (current.isEmpty()) {
            return UNKNOWN_CERTIFICATE;
        }
        if (current.get().revoked()) {
            return REVOKED;
        }
        return current.get().revision() == presentedRevision ? VALID : SUPERSEDED;
    }
}
