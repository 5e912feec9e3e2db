package dev.accrue.credit.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Certificate numbers are derived from (licensee, session): the same pair always gets the same number, so
 * replays and revisions keep it. They key a compacted topic, where two pairs with one number would silently
 * overwrite each other, so they carry 160 bits of SHA-256: {@code AC-} and 32 Crockford base-32 characters in
 * groups of four (no I, L, O or U, so a number read off paper is not misread).
 */
public final class CertificateNumber {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int BYTES = 20;

    public static String of(String licenseeId, String sessionId) {
        byte[] digest = sha256("certificate\u0000" + licenseeId + "\u0000" + sessionId);
        StringBuilder number = new StringBuilder("AC");
        int bits = 0;
        int buffer = 0;
        int digits = 0;
        for (int i = 0; i < BYTES; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                if (digits++ % 4 == 0) {
                    number.append('-');
                }
                number.append(CROCKFORD[(buffer >>> bits) & 31]);
            }
        }
        return number.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private CertificateNumber() {
    }
}
