package dev.accrue.credit.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A participant's email as an Open Badges IdentityHash ({@code sha256$<hex>}), salted with the certificate number:
 * a verifier who knows the email can match it, and nobody can read the email off a credential.
 */
public final class RecipientIdentity {

    public static String hash(String email, String certificateId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (email.trim().toLowerCase(Locale.ROOT) + certificateId).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private RecipientIdentity() {
    }
}
