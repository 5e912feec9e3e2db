package dev.accrue.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fixed, documented keys of the {@code local} profile (README). Anyone can read them, so a
 * service refuses to start with any of them configured outside that profile.
 */
public final class DevelopmentKeys {

    public static final String ADMIN = "dev-admin-key";
    public static final String ANALYST = "dev-analyst-key";
    public static final String PROVIDER_ACME = "dev-provider-acme-key";
    public static final String PROVIDER_NORTHWIND = "dev-provider-northwind-key";

    public static final List<String> ALL = List.of(ADMIN, ANALYST, PROVIDER_ACME, PROVIDER_NORTHWIND);

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    static boolean isDevelopmentHash(String sha256) {
        return ALL.stream().map(DevelopmentKeys::sha256).anyMatch(h -> h.equalsIgnoreCase(sha256));
    }

    private DevelopmentKeys() {
    }
}
