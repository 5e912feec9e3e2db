package dev.accrue.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The fixed, documented keys and secrets of the {@code local} profile (README). Anyone can read them,
 * so a service refuses to start with any of them configured outside that profile.
 */
public final class DevelopmentKeys {

    public static final String ADMIN = "dev-admin-key";
    public static final String ANALYST = "dev-analyst-key";
    public static final String PROVIDER_ACME = "dev-provider-acme-key";
    public static final String PROVIDER_NORTHWIND = "dev-provider-northwind-key";

    public static final List<String> ALL = List.of(ADMIN, ANALYST, PROVIDER_ACME, PROVIDER_NORTHWIND);

    /** The inter-instance secret of the {@code local} profile ({@code accrue.security.peer.secret}). */
    public static final String PEER_SECRET = "dev-peer-secret-published-in-the-readme-0001";

    /**
     * Fails start-up when a published development key or secret is configured but the {@code local}
     * profile is not active.
     *
     * @param what the development values found, as the message should name them
     * @param remedy what to configure instead
     */
    public static void refuseOutsideLocal(String what, String remedy, Environment environment) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("local")) {
            throw new IllegalStateException("The published " + what + " configured, but the 'local' profile is not"
                    + " active. " + remedy + ", or run with --spring.profiles.active=local for development only.");
        }
    }

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
