package dev.accrue.credit.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Certificate numbers are derived from (licensee, session): the same pair always gets the same
 * number, so replays and revisions keep it. Form: {@code AC-XXXX-XXXX-XXXX} (hex of SHA-256).
 */
public final class CertificateNumber {

    public static String of(String licenseeId, String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("certificate\u0000" + licenseeId + "\u0000" + sessionId).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
            return "AC-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private CertificateNumber() {
    }
}
